"""Project commands (``COMMANDS_MODULE``).

The article store, the progress log and the early end of a run on an unreachable site belong
to the commands that crawl for the dataset (``scrapy crawl``, and any other crawling command
of the project): they switch them on with ``CRAWL_SETTINGS`` in their ``default_settings``.
Scrapy's other commands (``shell``, ``fetch``, ``view``, ``parse``, ``check``, ``bench``,
``runspider``) run with them off: they never open the store, take its lock or record a run.
"""

from __future__ import annotations

from typing import Any

#: ``default_settings`` of a command that crawls into the article store (a command's settings
#: rank below the project's, so ``settings.py`` leaves these unset). ``-s`` overrides them.
CRAWL_SETTINGS: dict[str, Any] = {
    "NEWSCRAWL_STATE_ENABLED": True,  # the article store (incremental.py)
    "NEWSCRAWL_PROGRESS_INTERVAL": 60,  # a progress line every minute (progress.py)
    "NEWSCRAWL_STOP_UNREACHABLE": True,  # a site that never answers ends the run (reachability.py)
}
