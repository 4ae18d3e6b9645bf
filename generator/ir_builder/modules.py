"""Group named definitions into `models/` modules.

Each model family (a named schema and the inline models named after it) is one module;
families that import each other in a cycle share a module, so imports never go round.
Inside a module, a definition comes after the names it needs where the order allows;
an alias must, a class that refers ahead is rebuilt at the end of the module.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ir import AliasType, Definition, ModelModule, ObjectType
from ..layout import alias_too_long


def _strongly_connected(
    nodes: Iterable[str], edges: dict[str, set[str]]
) -> list[list[str]]:
    """Tarjan's algorithm, iterative so deep schema chains cannot overflow the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _order(definitions: list[Definition]) -> list[Definition]:
    """Dependencies first (depth-first, in creation order); aliases never before their names."""
    by_name = {d.name: d for d in definitions}
    placed: list[Definition] = []
    done: set[str] = set()
    visiting: set[str] = set()

    def visit(definition: Definition) -> None:
        if definition.name in done or definition.name in visiting:
            return
        visiting.add(definition.name)
        for name in definition.model_names():
            if name in by_name:
                visit(by_name[name])
        visiting.discard(definition.name)
        done.add(definition.name)
        placed.append(definition)

    for definition in definitions:
        visit(definition)
    # An alias is evaluated when the module runs, so it must follow everything it names.
    ordered: list[Definition] = []
    emitted: set[str] = set()
    pending = list(placed)
    while pending:
        for position, definition in enumerate(pending):
            needs = {
                n
                for n in definition.model_names()
                if n in by_name and n != definition.name
            }
            if not isinstance(definition, AliasType) or needs <= emitted:
                break
        else:
            position = 0
        definition = pending.pop(position)
        ordered.append(definition)
        emitted.add(definition.name)
    return ordered


def group_modules(
    definitions: dict[str, Definition], family: dict[str, str]
) -> tuple[ModelModule, ...]:
    families: dict[str, list[Definition]] = {}
    for definition in definitions.values():
        families.setdefault(family[definition.name], []).append(definition)
    edges = {
        name: {
            family[ref]
            for d in members
            for ref in d.model_names()
            if ref in family and family[ref] != name
        }
        for name, members in families.items()
    }
    module_of: dict[str, str] = {}
    for component in _strongly_connected(sorted(families), edges):
        merged = min(component)
        for member in component:
            module_of[member] = merged
    # `models/` imports its modules lazily: a module named like a model (`_2024`, from a
    # schema named 2024) would hide the model once imported, so it takes another name.
    taken = set(definitions) | set(module_of.values())
    renamed: dict[str, str] = {}
    for module in sorted(set(module_of.values()) & set(definitions)):
        renamed[module] = module + "_models"
        while renamed[module] in taken:
            renamed[module] += "_"
        taken.add(renamed[module])
    module_of = {family: renamed.get(m, m) for family, m in module_of.items()}
    grouped: dict[str, list[Definition]] = {}
    for name in sorted(families):
        grouped.setdefault(module_of[name], []).extend(families[name])
    modules = []
    for module, members in sorted(grouped.items()):
        ordered = _order(members)
        local = {d.name for d in ordered}
        imports: dict[str, set[str]] = {}
        for definition in ordered:
            for ref in definition.model_names():
                if ref not in local and ref in family:
                    imports.setdefault(module_of[family[ref]], set()).add(ref)
        position = {d.name: i for i, d in enumerate(ordered)}
        refers_ahead = [
            d
            for d in ordered
            if any(position.get(ref, -1) >= position[d.name] for ref in d.model_names())
        ]
        lazy_aliases = tuple(
            d.name
            for d in ordered
            if isinstance(d, AliasType)
            and (d in refers_ahead or alias_too_long(d.name))
        )
        rebuilt = tuple(d.name for d in refers_ahead if isinstance(d, ObjectType))
        modules.append(
            ModelModule(
                name=module,
                definitions=tuple(ordered),
                imports=tuple(
                    (m, tuple(sorted(names))) for m, names in sorted(imports.items())
                ),
                rebuilt=rebuilt,
                lazy_aliases=lazy_aliases,
            )
        )
    return tuple(modules)
