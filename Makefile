# Two commands on a fresh Debian machine with Python 3.11+ and make:
#   make run    install what is needed (Chromium and CJK fonts for the image, deck and PDF exports included),
#               load data/ into DuckDB, start the dashboard on this machine (HOST=0.0.0.0 to serve a network)
#   make test   install what is needed, run the whole suite

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PORT ?= 8501
HOST ?= 127.0.0.1

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test load check export-packages

run: $(VENV)/.synced export-packages load
	$(VENV)/bin/streamlit run app.py --server.address $(HOST) --server.port $(PORT)

test: $(VENV)/.synced export-packages
	$(VENV)/bin/pytest

load: $(VENV)/.synced
	$(VENV)/bin/perfboard load --if-empty
	@$(VENV)/bin/perfboard user list | grep -q "还没有用户" && echo "还没有编辑账号。添加第一个编辑：$(VENV)/bin/perfboard user add 姓名 --role editor（密码从终端输入）" || true

check: $(VENV)/.synced
	$(VENV)/bin/perfboard check

$(UV):
	bash scripts/debian-packages.sh python
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

# The lock file is committed; --locked refuses to run if pyproject.toml and uv.lock disagree.
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --python $(PYTHON)
	touch $@

# Chromium and CJK fonts: chart images, the deck and the PDF (the app's own exports) and the browser tests.
export-packages:
	bash scripts/debian-packages.sh exports
