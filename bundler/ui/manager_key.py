"""The key to the facility manager's workbench: it never opens to a visitor without one.

Suppliers and HR reach the same server with their own links, so a URL without a token
must not open every workspace. The key is BUNDLER_MANAGER_KEY when set. Without it the
first start makes a random key, keeps it in `manager.key` in the data folder (readable
by its owner only) and prints it once, with the address to open, on the server's
output; later starts read the file. The address carries the key as `?key=...`, which
the page takes out of the address bar at once.

A wrong key waits a second before it is refused, one wrong key at a time across the
whole server, so guessing is slow from any number of browsers; the right key never
waits and nothing is ever locked.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from pathlib import Path

import streamlit as st

from bundler.store.db import data_dir
from bundler.ui.session import tr

MANAGER_KEY_ENV = "BUNDLER_MANAGER_KEY"
BASE_URL_ENV = "BUNDLER_BASE_URL"
KEY_FILE = "manager.key"
WRONG_KEY_DELAY = 1.0
"""Seconds each wrong key waits; a person hardly notices, a guesser gets one try a second."""

_wrong_keys = threading.Lock()
_announced: set[Path] = set()


def key_path() -> Path:
    return data_dir() / KEY_FILE


def workbench_url() -> str:
    """Where the manager opens the workbench: BUNDLER_BASE_URL, else the address and port the server listens on."""
    if os.environ.get(BASE_URL_ENV):
        return os.environ[BASE_URL_ENV].rstrip("/")
    address = st.get_option("server.address") or "localhost"
    return f"http://{address}:{st.get_option('server.port')}"


def _announce(path: Path, key: str | None) -> None:
    """On the server's output, once per process: the new key and the URL, or where the kept key is."""
    if path in _announced:
        return
    _announced.add(path)
    if key is None:
        print(f"bundler: the manager's key is in {path}; open {workbench_url()}/?key=<that key>", flush=True)
        return
    print(f"bundler: made a key for the manager's workbench (kept in {path}, shown only now):\n"
          f"  open {workbench_url()}/?key={key}", flush=True)


def manager_key() -> str:
    """BUNDLER_MANAGER_KEY, else the key kept in the data folder, made on first use."""
    if os.environ.get(MANAGER_KEY_ENV):
        return os.environ[MANAGER_KEY_ENV]
    path = key_path()
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        key = ""
    if key:
        _announce(path, None)
        return key
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_urlsafe(24)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another session made it a moment ago
        return manager_key()
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    _announce(path, key)
    return key


def key_matches(offered: str, key: str) -> bool:
    """Compare in constant time; a wrong key waits its turn and WRONG_KEY_DELAY before it is refused."""
    if hmac.compare_digest(offered.encode("utf-8", "replace"), key.encode("utf-8", "replace")):
        return True
    with _wrong_keys:
        time.sleep(WRONG_KEY_DELAY)
    return False


def manager_allowed() -> bool:
    """True once this session has shown the key (in the URL or typed); else shows the key page."""
    if st.session_state.get("manager_ok"):
        return True
    key = manager_key()
    offered = st.query_params.get("key")
    if offered is not None:
        del st.query_params["key"]  # off the address bar, the projector and the screenshots
        if key_matches(offered, key):
            st.session_state["manager_ok"] = True
            return True
    st.title(tr("Werkbank van de facilitair manager", "The facility manager's workbench"))
    typed = st.text_input(tr("Sleutel", "Key"), type="password", key="manager_key")
    if typed and typed != st.session_state.get("manager_key_tried"):
        st.session_state["manager_key_tried"] = typed
        if key_matches(typed, key):
            st.session_state["manager_ok"] = True
            st.rerun()
    if typed or offered is not None:
        st.error(tr("Onjuiste sleutel.", "Wrong key."))
    st.caption(tr("De sleutel staat in de uitvoer van de server bij de eerste start, of in BUNDLER_MANAGER_KEY. "
                  "Leveranciers en HR openen hun eigen link.",
                  "The key is in the server's output at its first start, or in BUNDLER_MANAGER_KEY. "
                  "Suppliers and HR open their own link."))
    return False
