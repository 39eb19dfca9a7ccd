"""Background jobs with progress, ETA and cancel (Qt; the work they run stays Qt-free)."""

from qcdesk.jobs.base import Eta, FunctionJob, Job, JobCancelled, JobManager, JobSignals

__all__ = ["Eta", "FunctionJob", "Job", "JobCancelled", "JobManager", "JobSignals"]
