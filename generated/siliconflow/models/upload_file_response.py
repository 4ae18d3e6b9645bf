"""Models of the upload_file_response family."""

from __future__ import annotations

from .._models import BaseModel
from .uploaded_file_object import UploadedFileObject

__all__ = ["UploadFileResponse"]


class UploadFileResponse(BaseModel):
    """Envelope {code, message, status, data} around the uploaded file. The provider marks none of the envelope fields as required on this operation (unlike the list-files envelope)."""

    code: int | None = None

    message: str | None = None

    status: bool | None = None

    data: UploadedFileObject | None = None
