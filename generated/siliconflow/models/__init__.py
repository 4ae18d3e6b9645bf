"""Every model of the SiliconFlow API, importable from one place."""

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
