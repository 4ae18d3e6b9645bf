"""Facts about the OpenAPI format that more than one stage needs."""

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operation keys of a path item, in the order operations are generated."""


def discriminator_ref(mapped: str) -> str:
    """A discriminator mapping value as a `$ref`: it is one already, or a schema's name."""
    return (
        mapped if "#" in mapped or "/" in mapped else f"#/components/schemas/{mapped}"
    )
