# qcdesk: `make run` opens the demo project, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

# Shared libraries Qt (PySide6 wheels) loads on Linux, plus poppler for reading report PDFs back.
SYSDEPS := libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xfixes0 libxcb-xkb1 \
  libx11-xcb1 libpulse0 poppler-utils

.PHONY: run test screenshots sysdeps venv lint i18n clean

run: venv
	$(BIN)/qcdesk demo --open

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

screenshots: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m qcdesk.tools.screenshots --out docs/screenshots

lint: venv
	$(BIN)/ruff check qcdesk tests bench
	$(BIN)/mypy --strict qcdesk/domain qcdesk/services qcdesk/db qcdesk/jobs qcdesk/audio qcdesk/asr \
	  qcdesk/errors.py qcdesk/qtmodels qcdesk/widgets qcdesk/actions.py qcdesk/app.py

i18n: venv
	$(BIN)/python resources/i18n/update.py

venv: sysdeps $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Installs the missing Debian/Ubuntu packages only; elsewhere the wheels bring what they need.
sysdeps:
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=$$(for p in $(SYSDEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    echo "Installing system libraries for Qt: $$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache
