"""Make "permission denied" happen even when the tests run as root (as CI does).

Root reads a mode-000 file through the CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH capabilities.
``file_permissions_enforced()`` clears both from the calling thread's *effective* set (they stay
permitted, so they come back on exit): inside it, root gets EACCES like anyone else. Linux only;
elsewhere, or where capset is refused, non-root users need nothing and root skips.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

_CAPABILITY_VERSION_3 = 0x20080522
_DAC_OVERRIDE, _DAC_READ_SEARCH = 1, 2


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


@contextmanager
def file_permissions_enforced() -> Iterator[None]:
    """Within the block, file modes bind this thread even if it runs as root."""
    if os.name != "posix" or os.geteuid() != 0:
        yield
        return
    if not sys.platform.startswith("linux"):
        pytest.skip("root ignores file modes and capabilities cannot be dropped here")
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    header, data = _Header(_CAPABILITY_VERSION_3, 0), (_Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        pytest.skip(f"capget failed: {os.strerror(ctypes.get_errno())}")
    saved = data[0].effective
    data[0].effective &= ~((1 << _DAC_OVERRIDE) | (1 << _DAC_READ_SEARCH))
    if libc.capset(ctypes.byref(header), data) != 0:
        pytest.skip(f"capset failed: {os.strerror(ctypes.get_errno())}")
    try:
        yield
    finally:
        data[0].effective = saved
        libc.capset(ctypes.byref(header), data)
