"""The Linux desktop entry and AppStream metainfo are valid and agree with the package."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser

import pytest

from clerkdesk import __version__
from clerkdesk.resources import resource_path

APP_ID = "org.clerkdesk.ClerkDesk"
DESKTOP = resource_path(f"{APP_ID}.desktop")
METAINFO = resource_path(f"{APP_ID}.metainfo.xml")


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return path


def test_desktop_file_validates():
    result = subprocess.run([validator("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates():
    result = subprocess.run([validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_starts_the_gui_script_with_the_shipped_icon_name():
    entry = ConfigParser(interpolation=None)
    entry.read(DESKTOP, encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"].split()[0] == "clerkdesk-gui"
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert resource_path("clerkdesk.svg").is_file()


def test_metainfo_names_this_version_and_the_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__
