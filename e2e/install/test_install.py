"""`make install`'s layout, staged under a DESTDIR with the script it runs (scripts/install.sh), from the binary the
test suite built: the binary finds its templates beside it, the manual pages come from the command definitions,
and the completions know every command."""
import os
import shutil
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("DEBRIEF_BIN", os.path.join(ROOT, ".build", "debug", "debrief"))


def test_installed_layout_under_destdir(tmp_path):
    stage = tmp_path / "stage"
    env = {k: v for k, v in os.environ.items() if k != "DEBRIEF_TEMPLATES"}
    env.update(BIN=BIN, DESTDIR=str(stage), PREFIX="/opt/debrief", MANUAL_DATE="2026-11-23")
    r = subprocess.run(["bash", os.path.join(ROOT, "scripts", "install.sh")], env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    root = stage / "opt" / "debrief"
    exe = root / "bin" / "debrief"
    assert os.access(exe, os.X_OK)
    for f in ["share/debrief/templates/formats/client-recovery.yml", "share/debrief/templates/site/search.js",
              "share/debrief/templates/html/report.mustache", "share/man/man1/debrief.1", "share/man/man1/debrief.site.1",
              "share/bash-completion/completions/debrief", "share/zsh/site-functions/_debrief",
              "share/fish/vendor_completions.d/debrief.fish"]:
        assert (root / f).is_file(), f

    # The installed binary uses the installed templates: nothing of the source tree is in reach.
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(os.path.join(ROOT, "examples", "bank-deck.yml"), work / "deck.yml")
    run = subprocess.run([str(exe), "render", "deck.yml", "--to", "html", "-o", "deck.html"], cwd=str(work), env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Conference deck for the bank" in (work / "deck.html").read_text(encoding="utf-8")
    (root / "share/debrief/templates/locales/en.yml").write_text(
        (root / "share/debrief/templates/locales/en.yml").read_text(encoding="utf-8").replace("client: Client", "client: Customer (installed)"),
        encoding="utf-8")
    run = subprocess.run([str(exe), "render", "deck.yml", "--to", "md"], cwd=str(work), env=env, capture_output=True, text=True)
    assert "Customer (installed)" in run.stdout, "the templates beside the binary are the ones read"

    # Manual pages from the command definitions, one per subcommand, cross-referenced.
    page = (root / "share/man/man1/debrief.1").read_text(encoding="utf-8")
    assert ".Dt DEBRIEF 1" in page and ".Xr debrief.site 1" in page
    site = (root / "share/man/man1/debrief.site.1").read_text(encoding="utf-8")
    assert "--audience" in site and "file://" in site
    if shutil.which("groff"):
        text = subprocess.run(["groff", "-mandoc", "-Tutf8"], input=page, capture_output=True, text=True).stdout
        assert "SUBCOMMANDS" in text.upper() or "debrief" in text

    # Completions know the commands.
    for f in ["share/bash-completion/completions/debrief", "share/zsh/site-functions/_debrief",
              "share/fish/vendor_completions.d/debrief.fish"]:
        text = (root / f).read_text(encoding="utf-8")
        for command in ["site", "lessons", "actions", "render"]:
            assert command in text, (f, command)
    bash = subprocess.run(["bash", "-n", str(root / "share/bash-completion/completions/debrief")], capture_output=True, text=True)
    assert bash.returncode == 0, bash.stderr
