"""Models of the upload_file_request family."""

from __future__ import annotations

from .._models import BaseModel
from .file_purpose import FilePurpose

__all__ = ["UploadFileRequest"]


class UploadFileRequest(BaseModel):
    file: bytes
    """The file to upload. Multipart file parts must include a nonblank filename; the lowercase WHATWG placeholder filename "blob" is treated as missing."""

    purpose: FilePurpose
