"""Demo data: three activities and synthetic stories, then the whole data path in a worker."""

from workbench.demo.loader import (
    ACTIVITIES,
    DEMO_FRAMEWORK,
    DemoReceipt,
    approve_largest_themes,
    demo_pipeline,
    load,
)

__all__ = [
    "ACTIVITIES",
    "DEMO_FRAMEWORK",
    "DemoReceipt",
    "approve_largest_themes",
    "demo_pipeline",
    "load",
]
