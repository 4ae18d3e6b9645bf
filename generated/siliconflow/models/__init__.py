"""Every model of the SiliconFlow API, importable from one place."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .batch_list_item import BatchListItem
    from .batch_list_response import BatchListResponse
    from .batch_metadata import BatchMetadata
    from .batch_object import BatchObject
    from .batch_replace import BatchReplace
    from .create_batch_request import CreateBatchRequest
    from .error_body import ErrorBody
    from .file_list_data import FileListData
    from .file_list_response import FileListResponse
    from .file_object import FileObject
    from .rate_limit_error_model import RateLimitErrorModel
    from .string_error import StringError
    from .upload_file_request import UploadFileRequest
    from .upload_file_response import UploadFileResponse
    from .uploaded_file_object import UploadedFileObject

__all__ = [
    "BatchListItem",
    "BatchListResponse",
    "BatchMetadata",
    "BatchObject",
    "BatchReplace",
    "CreateBatchRequest",
    "ErrorBody",
    "FileListData",
    "FileListResponse",
    "FileObject",
    "RateLimitErrorModel",
    "StringError",
    "UploadFileRequest",
    "UploadFileResponse",
    "UploadedFileObject",
]

# The module that defines each model, imported the first time the model is used (PEP 562).
_MODULES: dict[str, str] = {
    "BatchListItem": ".batch_list_item",
    "BatchListResponse": ".batch_list_response",
    "BatchMetadata": ".batch_metadata",
    "BatchObject": ".batch_object",
    "BatchReplace": ".batch_replace",
    "CreateBatchRequest": ".create_batch_request",
    "ErrorBody": ".error_body",
    "FileListData": ".file_list_data",
    "FileListResponse": ".file_list_response",
    "FileObject": ".file_object",
    "RateLimitErrorModel": ".rate_limit_error_model",
    "StringError": ".string_error",
    "UploadFileRequest": ".upload_file_request",
    "UploadFileResponse": ".upload_file_response",
    "UploadedFileObject": ".uploaded_file_object",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
