# Two commands for a newcomer: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench soak dist test-bundle install-desktop clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ClerkDesk needs Python >= 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/clerkdesk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/support/soak_editor_kills.py --kills 100

# A one-folder application that needs no Python (dist/ClerkDesk/), built with PyInstaller.
dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR --distpath dist \
		--workpath build/pyinstaller packaging/clerkdesk.spec
	@du -sh dist/ClerkDesk

test-bundle: dist
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -rs tests/bundle

# The desktop entry, icon and AppStream metainfo for the current user (Linux).
XDG_DATA_HOME ?= $(HOME)/.local/share
APP_ID := org.clerkdesk.ClerkDesk
DATA := src/clerkdesk/data
install-desktop: $(STAMP)
	install -Dm644 $(DATA)/$(APP_ID).desktop $(XDG_DATA_HOME)/applications/$(APP_ID).desktop
	sed -i 's#^Exec=clerkdesk-gui#Exec=$(abspath $(BIN))/clerkdesk-gui#' \
		$(XDG_DATA_HOME)/applications/$(APP_ID).desktop
	install -Dm644 $(DATA)/clerkdesk.svg $(XDG_DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	install -Dm644 $(DATA)/$(APP_ID).metainfo.xml $(XDG_DATA_HOME)/metainfo/$(APP_ID).metainfo.xml
	-update-desktop-database -q $(XDG_DATA_HOME)/applications 2>/dev/null
	@echo "ClerkDesk is in your applications menu (Office)."

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
