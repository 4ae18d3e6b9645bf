"""Models of the upload_file_request family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["UploadFileRequest"]


class UploadFileRequest(BaseModel):
    purpose: Literal["batch"] | str

    file: bytes
    """File to upload"""
