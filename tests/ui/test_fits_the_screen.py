"""Every page and dialog fits an inspector's laptop: 1366×768 at 100 % and at 150 % (911×512
logical pixels), and 1920×1080 at 150 %. Each case runs the app in a fresh process on a
screen of that size (``tests/ui/layout_probe.py``): the scale factor is fixed when Qt starts."""

from __future__ import annotations

import json

import pytest

from tests.ui.probes import run_probe

CASES = [
    pytest.param(1366, 768, "1.5", "zh_CN", id="1366x768-150%-zh"),
    pytest.param(1366, 768, "1.5", "en", id="1366x768-150%-en"),
    pytest.param(1366, 768, "1", "zh_CN", id="1366x768-100%-zh", marks=pytest.mark.slow),
    pytest.param(1920, 1080, "1.5", "zh_CN", id="1920x1080-150%-zh", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("width", "height", "scale", "language"), CASES)
def test_every_page_and_dialog_fits_the_screen(tmp_path, width, height, scale, language):
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    out = tmp_path / "probe.json"
    report = run_probe(
        "tests.ui.layout_probe",
        out,
        {
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "QT_SCALE_FACTOR": scale,
            "PROBE_LANGUAGE": language,
            "INSPECTOR_DATA_DIR": str(tmp_path / "data"),
        },
    )
    expected = [round(width / float(scale)), round(height / float(scale))]
    assert [abs(a - b) <= 1 for a, b in zip(report["screen"][2:], expected, strict=True)] == [
        True,
        True,
    ]
    assert report["problems"] == []
