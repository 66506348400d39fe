"""What the system refuses (a name too long, a file where a directory should be, no more files
to open, no more memory) is the user's to fix, not a bug: a located message with what to do,
exit 2 (memory: 3, see below), nothing left behind, no traceback. Every technique here works
for any user, root included (root ignores file permissions, not these limits)."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sourcing_check.cli import main
from sourcing_check.cli.batch import POOL_FROM
from tests.conftest import EXAMPLES, ROOT, TEST_TABLES
from tests.test_batch import _batch

VENDOR = EXAMPLES / "well-run-vendor.yaml"
CHECK = ["check", str(VENDOR), *TEST_TABLES, "--fail-on", "never", "--format", "json"]


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


@pytest.mark.parametrize(
    "args",
    [CHECK, ["init", "vendor"], ["convert", str(VENDOR)]],
    ids=["check", "init", "convert"],
)
def test_an_output_name_too_long_is_a_problem_not_a_bug(
    tmp_path: Path, runner: CliRunner, args: list[str]
) -> None:
    suffix = ".yaml" if args[0] == "init" else ".json"  # a name of a format the command writes
    output = tmp_path / ("a" * (_name_max(tmp_path) + 1) + suffix)
    result = runner.invoke(main, [*args, "-o", str(output)])
    assert result.exit_code == 2, result.stderr
    assert f"{output}: cannot write the file: File name too long" in result.stderr
    assert "hint: the name is longer than the file system allows" in result.stderr
    assert "internal error" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_output_whose_name_is_near_the_limit_is_written(
    tmp_path: Path, runner: CliRunner, jobs: str
) -> None:
    # the temporary file beside it must not need a longer name than the output's own
    if _name_max(tmp_path) < 250:
        pytest.skip("the file system allows only short names")
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = [str(p) for p in _batch(inputs, POOL_FROM + 2 if jobs == "2" else 1)]
    output = tmp_path / ("b" * 240 + ".json")
    args = [*CHECK[:1], *files, *CHECK[2:], "--jobs", jobs, "-o", str(output)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([output.name, "in"])


def test_an_output_under_a_file_names_that_file(tmp_path: Path, runner: CliRunner) -> None:
    blocking = tmp_path / "notes"
    blocking.write_text("a file, not a directory")
    output = blocking / "out" / "all.json"
    result = runner.invoke(main, [*CHECK, "-o", str(output)])
    assert result.exit_code == 2, result.stderr
    assert f"{output}: cannot write the file: {blocking} is a file, not a directory" in (
        result.stderr
    )
    assert "File exists" not in result.stderr  # what mkdir says, misleading here
    assert blocking.read_text() == "a file, not a directory"


@pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_NOFILE as Linux has it")
def test_a_batch_out_of_file_descriptors_is_a_problem_not_a_bug(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = [str(p) for p in _batch(inputs, POOL_FROM + 2)]
    out = tmp_path / "out"
    out.mkdir()

    def few_files() -> None:  # enough to start, too few for the workers' pipes
        resource.setrlimit(resource.RLIMIT_NOFILE, (12, 12))

    command = [sys.executable, "-m", "sourcing_check", *CHECK[:1], *files, *CHECK[2:]]
    done = subprocess.run(
        [*command, "--jobs", "2", "-o", str(out / "all.json")],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)},
        preexec_fn=few_files,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert "sourcing-check check: cannot open another file: Too many open files" in done.stderr
    assert "raise it ('ulimit -n 1024'), or pass fewer --jobs" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert list(out.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_running_out_of_memory_says_so_rather_than_blaming_a_bug(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # exit 3 still: the loader bounds every input, so memory running out at a sane limit is
    # ours to look at, and 2 would tell the user to fix files that are fine
    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr("sourcing_check.cli.batch.assess_file", exhausted)
    result = runner.invoke(main, [*CHECK, "-o", str(tmp_path / "all.json")])
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith("sourcing-check check: ran out of memory: raise the memory limit")
    assert "internal error" not in line
    assert f"{VENDOR} sha256 " in line
    assert list(tmp_path.iterdir()) == []


def test_a_failed_run_leaves_no_directory_it_made_for_its_output(
    tmp_path: Path, runner: CliRunner
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("vendor: [\n")
    output = tmp_path / "new" / "dir" / "all.json"
    checked = runner.invoke(main, [*CHECK[:1], str(bad), *CHECK[2:], "-o", str(output)])
    long_name = "c" * (_name_max(tmp_path) + 1) + ".yaml"
    started = runner.invoke(main, ["init", "vendor", "-o", str(tmp_path / "made" / long_name)])
    assert (checked.exit_code, started.exit_code) == (2, 2)
    assert "nothing written" in checked.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_a_directory_made_for_an_output_that_is_written_stays(
    tmp_path: Path, runner: CliRunner
) -> None:
    output = tmp_path / "new" / "dir" / "all.json"
    assert runner.invoke(main, [*CHECK, "-o", str(output)]).exit_code == 0
    assert output.is_file()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
@pytest.mark.parametrize("count", [1, POOL_FROM + 2], ids=["one", "batch"])
def test_an_output_to_this_process_s_descriptor_writes_through_it(
    tmp_path: Path, count: int
) -> None:
    # '-o /dev/stdout' is such a link: a rename replaced the link (as root, /dev/stdout itself),
    # and opening it anew wrote from the start of a redirected file, under what was printed
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = [str(p) for p in _batch(inputs, count)]
    work = tmp_path / "work"
    work.mkdir()
    link = work / "stdout"
    link.symlink_to("/proc/self/fd/1")
    command = [sys.executable, "-m", "sourcing_check", *CHECK[:1], *files, *CHECK[2:], "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(work)}
    for name, args in (("plain", []), ("through", ["-o", str(link)])):
        with open(tmp_path / name, "wb") as stdout:  # a shell's '> FILE'
            done = subprocess.run([*command, *args], env=env, stdout=stdout, timeout=300)
        assert done.returncode == 0
    plain = (tmp_path / "plain").read_bytes()
    assert plain.startswith(b"{")
    assert (tmp_path / "through").read_bytes() == plain  # 'wrote' on stderr, not inside it
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert [p.name for p in work.iterdir()] == ["stdout"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize(
    "args", [CHECK, ["convert", str(VENDOR)], ["guidelines", "docs"]], ids=lambda a: a[0]
)
def test_an_output_to_a_device_is_written_not_replaced(
    tmp_path: Path, runner: CliRunner, args: list[str]
) -> None:
    # as '-o /dev/null' is: a rename replaced the device node with a regular file
    node = tmp_path / "null.json"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
        node.write_bytes(b"")
    except OSError as exc:  # a container may forbid making (or opening) a device
        pytest.skip(f"no device node here: {exc}")
    result = runner.invoke(main, [*args, "-o", str(node)])
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(node.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null.json"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_template_written_to_a_device_leaves_no_schema_beside_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    # 'init vendor -o /dev/null' as root wrote vendor-questionnaire.schema.json into /dev
    node = tmp_path / "null.yaml"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        node.write_bytes(b"")
    except OSError as exc:
        pytest.skip(f"no device node here: {exc}")
    result = runner.invoke(main, ["init", "vendor", "-o", str(node)])
    assert result.exit_code == 0, result.stderr
    assert "sourcing-check schema vendor" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["null.yaml"]


@pytest.mark.parametrize(
    "args",
    [
        ["guidelines", "docs"],
        ["reference", "export", "rates"],
        ["diff", str(VENDOR), str(EXAMPLES / "revised" / "well-run-vendor.yaml")],
    ],
    ids=lambda a: a[0],
)
def test_every_command_that_writes_a_file_says_which(
    tmp_path: Path, runner: CliRunner, args: list[str]
) -> None:
    # these three wrote their file in silence; every other command says 'wrote FILE'
    target = tmp_path / "out.txt"
    result = runner.invoke(main, [*args, "-o", str(target)])
    assert result.exit_code in (0, 1), result.output
    assert target.is_file()
    assert f"wrote {target}" in result.output
