"""The Qt-free auto-prefill rule engine: text primitives, detectors and criterion checkers."""
