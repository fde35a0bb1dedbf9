"""Qt translations: Simplified Chinese by default, English selectable.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ..paths import resource_path

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def translations_dir() -> str:
    return str(resource_path("inspector", "ui", "i18n"))


def current_language(settings: QSettings) -> str:
    lang = str(settings.value("language", DEFAULT_LANGUAGE))
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations; returns them so they stay alive."""
    installed: list[QTranslator] = []
    if language == "en":
        # the domain terms the services give in Chinese (states, headers …) in English
        terms = QTranslator(app)
        if terms.load("inspector_en", translations_dir()):
            app.installTranslator(terms)
            installed.append(terms)
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(f"inspector_{language}", translations_dir()):
        app.installTranslator(ours)
        installed.append(ours)
    from PySide6.QtCore import QLibraryInfo

    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
