"""The night batch: every leaflet x language x template, in parallel, with a manifest.

:func:`build_all` takes a project, an output folder, the build options and the
clinic profile, renders every combination into the folder, using one process
per core, shows progress (a bar on a terminal, plain lines otherwise), and
writes ``manifest.json``: for each file its leaflet, locale, template, leaflet
version, catalogue review status, sha256, pages and bytes, plus every
combination that was refused and why. A file whose inputs have not changed
since the last manifest is not rendered again.

The batch owns its output folder. It holds an exclusive lock on it for the
whole run (a second batch into the same folder is refused), and leaves it
holding exactly the PDFs the manifest lists: the previous PDF of a refused
combination is removed, and so is every other ``*.pdf`` the run did not
produce or keep. The manifest is removed when the run starts and written,
atomically, last.

Modules, in the order a run uses them:

- :mod:`~medleaflet.batch.jobs`: the job plan, and what became of each job;
- :mod:`~medleaflet.batch.digest`: fingerprints of every job's inputs;
- :mod:`~medleaflet.batch.manifest`: reading and writing ``manifest.json``;
- :mod:`~medleaflet.batch.folder`: removing what the batch cannot vouch for;
- :mod:`~medleaflet.batch.worker`: one job, in a worker process;
- :mod:`~medleaflet.batch.progress`: the progress bar or lines;
- :mod:`~medleaflet.batch.runner`: the run that chains them.
"""

from medleaflet.batch.digest import Inputs, batch_inputs, code_digest, file_hash, fonts_digest, inputs_digest
from medleaflet.batch.jobs import BatchResult, Job, Outcome, jobs
from medleaflet.batch.manifest import MANIFEST, read_manifest
from medleaflet.batch.runner import build_all

__all__ = [
    "MANIFEST",
    "BatchResult",
    "Inputs",
    "Job",
    "Outcome",
    "batch_inputs",
    "build_all",
    "code_digest",
    "file_hash",
    "fonts_digest",
    "inputs_digest",
    "jobs",
    "read_manifest",
]
