"""Every event defined in the contracts is registered, or consumers would silently drop it."""

import importlib
import pkgutil

import cloth_shared.contracts as contracts_package
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.registry import ALL_EVENTS, event_class


def _every_subclass(base: type) -> set[type]:
    found = set()
    for sub in base.__subclasses__():
        found |= {sub, *_every_subclass(sub)}
    return found


def _defined_events() -> set[type[Event]]:
    for module in pkgutil.iter_modules(contracts_package.__path__):
        importlib.import_module(f"{contracts_package.__name__}.{module.name}")
    return {
        event
        for event in _every_subclass(Event)
        if "event_type" in vars(event) and event.__module__.startswith(contracts_package.__name__)
    }


def test_every_event_with_a_type_in_the_contracts_is_in_the_registry() -> None:
    missing = sorted(e.__name__ for e in _defined_events() - set(ALL_EVENTS))
    assert missing == [], f"add these to cloth_shared.contracts.registry.ALL_EVENTS: {missing}"


def test_each_registered_event_is_found_by_its_type_and_version() -> None:
    for event in ALL_EVENTS:
        assert event_class(event.event_type, event.event_version) is event
