"""Facts about the OpenAPI format that more than one stage needs."""

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operation keys of a path item, in the order operations are generated."""
