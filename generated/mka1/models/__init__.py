"""Every model of the MKA1 API, importable from one place."""

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
