"""What the local model holds in memory: one copy of the weights, and the estimate shown before loading.

At the real size (``bench/real_size.py``) a memory-mapped 9B Q4_K_M on the CPU held ~9.5 GB: the
mapped file stayed resident beside the copy llama.cpp repacks the weights into. These tests pin the
cause on the tiny model: on the CPU the model file is read, not mapped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_helper.backends.local_gguf import LocalGGUFBackend
from tests.fixtures.tiny_model import TinyModel

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")


@pytest.mark.model
def test_cpu_load_reads_the_model_file_instead_of_mapping_it(tiny_glm4v: TinyModel) -> None:
    backend = LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, threads=1, gpu_layers=0, context_size=1024)
    try:
        backend.load()
        mapped = Path("/proc/self/maps").read_text()
        assert str(tiny_glm4v.model.resolve()) not in mapped
    finally:
        backend.close()
