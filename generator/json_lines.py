"""Lines of JSON pointers in a JSON text, without building a node tree.

Composing a YAML node tree of a 3.4 MB JSON spec, to locate two dozen findings, cost half a
second. Here each container on a pointer's way is indexed once (the offset of each member's
value), and the values off the way are skipped by the C decoder, so locating costs about one
`json.loads` of the containers walked through.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonLocator:
    def __init__(self, text: str) -> None:
        self.text = text
        self._members: dict[int, dict[str, int] | list[int]] = {}

    def line_of(self, tokens: list[str]) -> int | None:
        """1-based line of the value at `tokens`, or of its nearest existing parent; None
        when the text is not the JSON it should be."""
        try:
            position = self._space(0)
            for token in tokens:
                members = self._index(position)
                if isinstance(members, dict):
                    found = members.get(token)
                elif token.isdigit() and int(token) < len(members):
                    found = members[int(token)]
                else:
                    found = None
                if found is None:
                    break
                position = found
        except (ValueError, IndexError):
            return None
        return self.text.count("\n", 0, position) + 1

    def _space(self, position: int) -> int:
        match = _SPACE.match(self.text, position)
        return match.end() if match else position

    def _index(self, position: int) -> dict[str, int] | list[int]:
        """Where each member's value starts, for the container at `position`."""
        if position in self._members:
            return self._members[position]
        text = self.text
        opening = text[position]
        members: dict[str, int] | list[int] = {} if opening == "{" else []
        if opening in "{[":
            closing = "}" if opening == "{" else "]"
            index = self._space(position + 1)
            while text[index] != closing:
                if isinstance(members, dict):
                    # A duplicated key: the last one wins, as in the loaded data.
                    key, index = scanstring(text, index + 1)
                    index = self._space(index)
                    if text[index] != ":":
                        raise ValueError(index)
                    index = self._space(index + 1)
                    members[key] = index
                else:
                    members.append(index)
                _, index = _DECODER.raw_decode(text, index)
                index = self._space(index)
                if text[index] == ",":
                    index = self._space(index + 1)
        self._members[position] = members
        return members
