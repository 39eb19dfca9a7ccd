"""Finding the model: the bundled base model joined once, model folders, device choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from qcdesk.asr.model_store import (
    ModelError,
    bundled_parts,
    detect_device,
    ensure_bundled_model,
    resolve_model,
)


def test_bundled_model_is_joined_once_and_reused(tmp_path: Path) -> None:
    folder = ensure_bundled_model(tmp_path)
    model = folder / "model.bin"
    assert model.stat().st_size == sum(p.stat().st_size for p in bundled_parts())
    assert {p.name for p in folder.iterdir()} == {
        "model.bin",
        "config.json",
        "tokenizer.json",
        "vocabulary.json",
    }
    with open(model, "rb") as fh, open(bundled_parts()[1], "rb") as part2:
        fh.seek(bundled_parts()[0].stat().st_size)
        assert fh.read(4096) == part2.read(4096)  # part 2 follows part 1 exactly
    stamp = model.stat().st_mtime_ns
    assert ensure_bundled_model(tmp_path) == folder
    assert model.stat().st_mtime_ns == stamp  # reused, not rewritten
    assert resolve_model(None, tmp_path) == str(folder)


def test_a_truncated_cached_model_is_joined_again(tmp_path: Path) -> None:
    folder = ensure_bundled_model(tmp_path)
    (folder / "model.bin").write_bytes(b"half a model")
    ensure_bundled_model(tmp_path)
    assert (folder / "model.bin").stat().st_size > 100_000_000
    assert not (folder / "model.bin.part").exists()


def test_model_folder_setting(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        resolve_model(tmp_path)
    assert info.value.path == str(tmp_path)
    (tmp_path / "model.bin").write_bytes(b"x")
    assert resolve_model(str(tmp_path)) == str(tmp_path)


def test_a_model_name_is_passed_to_faster_whisper() -> None:
    assert resolve_model("large-v3-turbo") == "large-v3-turbo"


def test_device_choice_states_a_reason() -> None:
    import ctranslate2

    choice = detect_device("auto")
    if ctranslate2.get_cuda_device_count() > 0:
        assert (choice.device, choice.compute_type) == ("cuda", "float16")
    else:
        assert (choice.device, choice.compute_type) == ("cpu", "int8")
        assert "no CUDA GPU" in choice.reason
        with pytest.raises(ModelError):
            detect_device("cuda")
    assert detect_device("cpu").device == "cpu"
