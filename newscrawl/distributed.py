"""One crawl, many workers: scrapy-redis's shared queue and seen-set, made safe for workers
that come and go (``-s SCHEDULER=newscrawl.distributed.RedisScheduler -s REDIS_URL=...``).

scrapy-redis 0.9.1 was built for one long-lived worker per crawl: each worker closes as
soon as *its* engine is idle, clears the queue when it closes (or never), pops requests out
of Redis so that a killed worker loses them, and names a crawl by its spider alone.
``RedisScheduler`` keeps its queue, serializer and dupefilter and changes the rules:

* a crawl job is named by the spider and its arguments (``inbusiness:3f2a9c1b``), or by
  ``-s NEWSCRAWL_JOB=name``: two crawls with other arguments never share a queue;
* a request is marked seen, queued and counted (``enqueued``) in one step; a pop moves it
  atomically into this worker's in-flight set; it leaves that set, counted ``handled``,
  once Scrapy is done with it (``handled.py``: public signals, no engine internals);
* each worker writes a heartbeat (``NEWSCRAWL_WORKER_TIMEOUT`` seconds to live); the
  in-flight set of a worker whose heartbeat expired goes back to the queue;
* the job is over when the queue is empty and every request enqueued was handled: a
  counter both workers of a fresh crawl agree on, whatever their timing. The last ones out
  clear the queue and let the seen-set and counters expire ``NEWSCRAWL_CRAWL_LINGER``
  seconds later (default 60): a worker started just after the end finds the job over, says
  so and exits with code 5 (``outcome.EXIT_JOINED_NOTHING``); the next cron run starts it
  afresh. ``SCHEDULER_PERSIST=1`` keeps them. A worker stopped early (Ctrl-C, error) hands
  its in-flight requests back at once.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections import deque
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object
from scrapy_redis import defaults
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from newscrawl.handled import request_failed, request_handled
from newscrawl.jobs import ENQUEUE, POP_INTO, REQUEUE, job_name
from newscrawl.outcome import JOINED_NOTHING_STAT

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

#: Seconds between heartbeats (and in-flight bookkeeping, and looks at the shared queue).
TICK = 0.25


class RedisScheduler(Scheduler):
    """scrapy-redis's scheduler for workers that start and stop at any time (see the module)."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        settings = crawler.settings
        server = get_redis_from_settings(settings)
        server.ping()
        serializer = settings.get("SCHEDULER_SERIALIZER")
        scheduler = cls(
            server=server, persist=settings.getbool("SCHEDULER_PERSIST"),
            flush_on_start=settings.getbool("SCHEDULER_FLUSH_ON_START"),
            queue_key=settings.get("SCHEDULER_QUEUE_KEY") or defaults.SCHEDULER_QUEUE_KEY,
            dupefilter_key=settings.get("SCHEDULER_DUPEFILTER_KEY") or defaults.SCHEDULER_DUPEFILTER_KEY,
            serializer=load_object(serializer) if isinstance(serializer, str) else serializer,
        )
        scheduler.crawler, scheduler.stats = crawler, crawler.stats
        scheduler.timeout_ms = int(settings.getfloat("NEWSCRAWL_WORKER_TIMEOUT", 10.0) * 1000)
        scheduler.linger = settings.getint("NEWSCRAWL_CRAWL_LINGER", 60)
        scheduler.job_setting = settings.get("NEWSCRAWL_JOB")
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(scheduler.handled, signal=request_handled)
        crawler.signals.connect(scheduler.failed, signal=request_failed)
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.job = job = job_name(spider, self.job_setting)
        # A sorted set, as scrapy-redis's default queue: the in-flight sets use its encoding.
        self.queue = PriorityQueue(self.server, spider, self.queue_key % {"spider": job}, self.serializer)
        self.df = RFPDupeFilter(self.server, self.dupefilter_key % {"spider": job},
                                debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.workers_key, self.counts_key = f"{job}:workers", f"{job}:counts"
        self.heartbeat_key, self.inflight_key = f"{job}:worker:%s", f"{job}:inflight:%s"
        self.popped: dict[Request, bytes] = {}  # this worker's in-flight requests -> their queue entries
        self.done: dict[Request, int] = {}  # finished with -> the tick from which to drop them from Redis
        self.local: deque[Request] = deque()  # popped by a tick to wake the engine (see _hand_over)
        self.ticks, self.idle, self.crawl_over = 0, False, False
        if self.flush_on_start:
            self.flush()
            self.server.delete(self.counts_key)
        self._beat()
        logger.info("crawl job %s (NEWSCRAWL_JOB): %d requests queued", job, len(self.queue))
        self.ticker = LoopingCall(self._tick)
        self.ticker.start(TICK, now=False)

    # -- the queue -------------------------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        if self.local and request is self.local[-1] and request in self.popped:
            return True  # handed to the engine by _hand_over: it is already ours
        data = self.queue._encode_request(request)
        queued = self.server.eval(ENQUEUE, 3, self.df.key, self.queue.key, self.counts_key,
                                  self.df.request_fingerprint(request), -request.priority, data,
                                  "0" if request.dont_filter else "1")
        if not queued:
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def _pop(self) -> Request | None:
        data = self.server.eval(POP_INTO, 2, self.queue.key, self.inflight_key % self.worker)
        if not data:
            return None
        request = self.queue._decode_request(data)
        self.popped[request] = data
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def next_request(self) -> Request | None:
        request = self.local.popleft() if self.local else self._pop()
        if request is not None:
            self.idle = False
        return request

    def has_pending_requests(self) -> bool:
        return bool(self.local) or len(self.queue) > 0

    def _hand_over(self) -> None:
        """Work queued by another worker while this one idles: pop it and hand it to the
        engine (``engine.crawl``, which also wakes it), rather than wait for its heartbeat."""
        request = self._pop()
        if request is not None:
            self.local.append(request)
            self.crawler.engine.crawl(request)  # type: ignore[union-attr]

    # -- requests Scrapy is done with ----------------------------------------------------------------
    def handled(self, request: Request) -> None:
        if request in self.popped:
            self.done[request] = self.ticks

    def failed(self, request: Request) -> None:
        """Its errback runs next (or a retry is queued at once): dropped a tick later."""
        if request in self.popped:
            self.done[request] = self.ticks + 2

    # -- workers -----------------------------------------------------------------------------
    def _beat(self, *, everything_done: bool = False) -> None:
        """Heartbeat, and drop from the in-flight set (counted handled) what Scrapy is done with."""
        ready = list(self.popped) if everything_done else [r for r, tick in self.done.items() if tick <= self.ticks]
        entries = [self.popped.pop(request) for request in ready if request in self.popped]
        for request in ready:
            self.done.pop(request, None)
        with self.server.pipeline() as pipe:
            pipe.set(self.heartbeat_key % self.worker, "idle" if self.idle else "busy", px=self.timeout_ms)
            pipe.sadd(self.workers_key, self.worker)
            if entries:
                pipe.zrem(self.inflight_key % self.worker, *entries)
                pipe.hincrby(self.counts_key, "handled", len(entries))
            pipe.execute()

    def _rescue(self) -> None:
        """Requeue the in-flight requests of workers whose heartbeat expired."""
        others = [w.decode() if isinstance(w, bytes) else w for w in self.server.smembers(self.workers_key)]
        others = [worker for worker in others if worker != self.worker]
        states = self.server.mget([self.heartbeat_key % worker for worker in others]) if others else []
        for worker, state in zip(others, states):
            if state is None:
                count = self.server.eval(REQUEUE, 3, self.queue.key, self.inflight_key % worker, self.workers_key,
                                         worker)
                if count:
                    logger.warning("worker %s stopped answering: %d of its requests back in the queue", worker, count)
                    self.stats.inc_value("newscrawl/distributed/requeued", count)

    def _tick(self) -> None:
        self.ticks += 1
        try:
            self._beat()
            self._rescue()
            if self.idle and not self.local:
                self._hand_over()
            if self.idle and not self.local and not self.crawl_over and self._job_over():
                # Over while this worker waited: close now, not at the engine's next idle check (5 s).
                self.crawl_over = True
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="finished"))  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - Redis unreachable for a moment: the next tick retries
            logger.exception("worker bookkeeping in Redis failed")

    def _job_over(self) -> bool:
        """Nothing queued, and every request ever enqueued in this job handled."""
        with self.server.pipeline() as pipe:
            pipe.zcard(self.queue.key)
            pipe.hmget(self.counts_key, "enqueued", "handled")
            queued, (enqueued, handled) = pipe.execute()
        return not queued and int(handled or 0) >= int(enqueued or 0)

    def spider_idle(self, spider: Spider) -> None:
        """Stay while the job is not over (its requests queued, or in flight anywhere)."""
        self.idle = True
        self._beat(everything_done=True)  # an idle engine holds no request
        self._rescue()
        if not self._job_over():
            raise DontCloseSpider
        self.crawl_over = True

    def close(self, reason: str) -> None:
        if self.ticker.running:
            self.ticker.stop()
        self._beat()
        joined_nothing = self.crawl_over and not any(
            self.stats.get_value(f"scheduler/{step}/redis") for step in ("enqueued", "dequeued"))
        if joined_nothing:
            self.stats.set_value(JOINED_NOTHING_STAT, self.job)
            logger.warning("crawl job %s was already over when this worker started (it ended less than "
                           "NEWSCRAWL_CRAWL_LINGER=%ds ago, or SCHEDULER_PERSIST keeps it): nothing fetched",
                           self.job, self.linger)
        with self.server.pipeline() as pipe:
            # Whatever Scrapy did not finish goes back to the queue for the other workers.
            pipe.eval(REQUEUE, 3, self.queue.key, self.inflight_key % self.worker, self.workers_key, self.worker)
            pipe.delete(self.heartbeat_key % self.worker)
            if self.crawl_over and reason == "finished" and not joined_nothing:
                pipe.delete(self.queue.key)
                for key in (self.df.key, self.counts_key):
                    if not self.persist and self.linger > 0:
                        pipe.expire(key, self.linger)
                    elif not self.persist:
                        pipe.delete(key)
            pipe.execute()
