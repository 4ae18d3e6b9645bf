"""Cursor pages: iterate one page, or every item of every page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ._errors import SDKError

__all__ = ["AsyncPage", "AsyncPaginator", "SyncPage"]

T = TypeVar("T")


@dataclass(frozen=True)
class Pagination:
    """Where a list response keeps its items and cursor, and which query sends it."""

    items: str
    """Attribute of the response model holding this page's items."""
    cursor_param: str | None
    """Query parameter that asks for the page after a given id; None for a list that
    comes whole, in one page."""
    has_more: str | None = None
    last_id: str | None = None

    def next_cursor(
        self, body: Any, items: list[Any], current: str | None
    ) -> str | None:
        """The id to continue after, or None on the last page.

        `has_more: false` ends the list; without `has_more`, a non-empty page with a last
        id goes on. A cursor that repeats ends it too: a server that ignores the cursor
        would otherwise be asked for the same page forever.
        """
        if self.cursor_param is None:
            return None
        if self.has_more is not None and getattr(body, self.has_more, None) is False:
            return None
        last = getattr(body, self.last_id, None) if self.last_id else None
        if last is None and items:
            last = getattr(items[-1], "id", None)
        if last is None or not items or str(last) == current:
            return None
        return str(last)


class _Page(Generic[T]):
    def __init__(
        self,
        body: Any,
        pagination: Pagination,
        fetch: Callable[[str, str], Any],
        cursor: str | None,
    ) -> None:
        self.body = body
        """The whole response model of this page."""
        self._pagination = pagination
        self._fetch = fetch
        self._cursor = cursor
        self.data: list[T] = list(getattr(body, pagination.items, None) or [])
        """This page's items."""

    def has_next_page(self) -> bool:
        return (
            self._pagination.next_cursor(self.body, self.data, self._cursor) is not None
        )

    def _next_query(self) -> tuple[str, str]:
        """The query parameter and cursor that ask for the next page."""
        param = self._pagination.cursor_param
        cursor = self._pagination.next_cursor(self.body, self.data, self._cursor)
        if param is None or cursor is None:
            raise SDKError("this is the last page: check has_next_page() first")
        return param, cursor


class SyncPage(_Page[T]):
    """One page of a list; iterating it yields the items of this and every later page."""

    def get_next_page(self) -> SyncPage[T]:
        page: SyncPage[T] = self._fetch(*self._next_query())
        return page

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_Page[T]):
    """One page of a list; `async for` yields the items of this and every later page."""

    async def get_next_page(self) -> AsyncPage[T]:
        page: AsyncPage[T] = await self._fetch(*self._next_query())
        return page

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[T]):
    """What an async list method returns: `await` it for the first page, or
    `async for` over it for every item."""

    def __init__(self, first_page: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._first_page()
        async for item in page:
            yield item
