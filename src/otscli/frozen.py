"""Frozen records without generated code: the methods a frozen dataclass has, written once.

`dataclass` writes `__init__`, `__setattr__`, `__delattr__`, `__eq__`, `__hash__` and `__repr__` as source for
every class and compiles each: for the record classes that was a third of what ots itself does when it starts.
Here they are methods of one base class, and `frozen_record` makes a subclass a dataclass that generates none
of them, so that `dataclasses.fields`, `dataclasses.replace` and pydantic still see its fields. Type checkers see
frozen dataclasses (`dataclass_transform`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field
from typing import Any, ClassVar, TypeVar, dataclass_transform, overload


class Frozen:
    """Fields set once, when made (by keyword, or in order where the class allows it), then never assigned;
    equality, hashing and repr by the values of the fields that take part in them."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # set on each class by `frozen_record`
    __compared__: ClassVar[tuple[str, ...]]
    __shown__: ClassVar[tuple[str, ...]]
    __positional__: ClassVar[bool] = False  # whether fields may be given in order, not only by keyword

    def __init__(self, *ordered: Any, **values: Any) -> None:
        fields = self.__dataclass_fields__
        taking = [name for name, declared in fields.items() if declared.init]
        if ordered and not self.__positional__:
            raise TypeError(f"{type(self).__name__}() takes its fields by keyword only")
        if len(ordered) > len(taking):
            raise TypeError(f"{type(self).__name__}() takes {len(taking)} arguments, {len(ordered)} were given")
        for name, value in zip(taking, ordered, strict=False):
            if name in values:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument {name!r}")
            values[name] = value
        unknown = [name for name in values if name not in taking]
        if unknown:
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {unknown[0]!r}")
        for name in taking:
            declared = fields[name]
            if name in values:
                value = values[name]
            elif declared.default is not MISSING:
                value = declared.default
            elif declared.default_factory is not MISSING:
                value = declared.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
            object.__setattr__(self, name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _compared(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__compared__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return isinstance(other, Frozen) and self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__shown__)
        return f"{type(self).__qualname__}({shown})"


Declared = TypeVar("Declared")


@overload
def frozen_record(declared: type[Declared], /) -> type[Declared]: ...


@overload
def frozen_record(*, kw_only: bool = True) -> Callable[[type[Declared]], type[Declared]]: ...


@dataclass_transform(kw_only_default=True, frozen_default=True, eq_default=False, field_specifiers=(field,))
def frozen_record(
    declared: type[Declared] | None = None, /, *, kw_only: bool = True
) -> type[Declared] | Callable[[type[Declared]], type[Declared]]:
    """`declared`, a subclass of `Frozen`, as a dataclass with the methods of `Frozen`. `kw_only=False` lets its
    fields be given in order too."""

    def make(declared: type[Declared]) -> type[Declared]:
        made = dataclass(declared, init=False, repr=False, eq=False, kw_only=kw_only)
        fields: dict[str, Field[Any]] = made.__dataclass_fields__  # type: ignore[attr-defined]
        made.__compared__ = tuple(name for name, declared_field in fields.items() if declared_field.compare)  # type: ignore[attr-defined]
        made.__shown__ = tuple(name for name, declared_field in fields.items() if declared_field.repr)  # type: ignore[attr-defined]
        made.__positional__ = not kw_only  # type: ignore[attr-defined]
        return made

    return make if declared is None else make(declared)
