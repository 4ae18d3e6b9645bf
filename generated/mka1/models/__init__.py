"""Every model of the MKA1 API, importable from one place."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .batch_endpoint import BatchEndpoint
    from .batch_error_data import BatchErrorData
    from .batch_object import BatchObject, BatchObjectErrors
    from .create_batch_request import CreateBatchRequest
    from .file import File
    from .file_content_error import FileContentError, FileContentErrorError
    from .file_deletion_status import FileDeletionStatus
    from .file_list import FileList
    from .file_purpose import FilePurpose
    from .gateway_rate_limit_error import GatewayRateLimitError
    from .list_batches_response import ListBatchesResponse
    from .request_counts import RequestCounts
    from .upload_file_request import UploadFileRequest

__all__ = [
    "BatchEndpoint",
    "BatchErrorData",
    "BatchObject",
    "BatchObjectErrors",
    "CreateBatchRequest",
    "File",
    "FileContentError",
    "FileContentErrorError",
    "FileDeletionStatus",
    "FileList",
    "FilePurpose",
    "GatewayRateLimitError",
    "ListBatchesResponse",
    "RequestCounts",
    "UploadFileRequest",
]

# The module that defines each model, imported the first time the model is used (PEP 562).
_MODULES: dict[str, str] = {
    "BatchEndpoint": ".batch_endpoint",
    "BatchErrorData": ".batch_error_data",
    "BatchObject": ".batch_object",
    "BatchObjectErrors": ".batch_object",
    "CreateBatchRequest": ".create_batch_request",
    "File": ".file",
    "FileContentError": ".file_content_error",
    "FileContentErrorError": ".file_content_error",
    "FileDeletionStatus": ".file_deletion_status",
    "FileList": ".file_list",
    "FilePurpose": ".file_purpose",
    "GatewayRateLimitError": ".gateway_rate_limit_error",
    "ListBatchesResponse": ".list_batches_response",
    "RequestCounts": ".request_counts",
    "UploadFileRequest": ".upload_file_request",
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
