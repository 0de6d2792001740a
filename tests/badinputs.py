"""Write a folder of the bad inputs storyline must survive, plus one good article.

Used by the tests and by `bench/ingest.py`; every file is generated, nothing third-party.
"""

from __future__ import annotations

import gzip
import io
import os
import pathlib

GOOD = ("Harbour cranes stopped\n\nThe port of Sellin halted all container traffic on Monday after a storm "
        "damaged two of its largest cranes, the harbour authority said in a statement.\n\n"
        "Repairs are expected to take at least a week, the authority added.\n")

# Cyrillic prose in a legacy single-byte encoding: must be detected and decoded, not refused.
CP1251 = ("Порт Селлин в понедельник остановил контейнерные перевозки после того, как шторм повредил два "
          "крупнейших крана, сообщило управление порта. Ремонт займёт не меньше недели.\n")


def write_bad_inputs(folder: pathlib.Path, huge_mb: int = 30) -> dict[str, str]:
    """Create the files; return {file name: what storyline should do with it} for assertions."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, outcome: str) -> None:
        (folder / name).write_bytes(data)
        expect[name] = outcome

    put("good.txt", GOOD.encode("utf-8"), "ok")
    put("legacy-cp1251.txt", CP1251.encode("cp1251"), "ok")
    put("latin1.html", ("<html><head><meta charset='iso-8859-1'></head><body><article><p>"
                        + "La municipalité a annoncé lundi la fermeture du pont pour des réparations urgentes. " * 3
                        + "</p></article></body></html>").encode("latin-1"), "ok")
    put("junk.txt", bytes(range(256)) * 40, "error")
    put("junk.html", os.urandom(4096), "error")
    put("empty.txt", b"", "error")
    put("blank.html", b"   \n\n  ", "error")
    whole = gzip.compress(("<html><body><article><p>" + GOOD * 20 + "</p></article></body></html>").encode())
    put("truncated.html.gz", whole[: len(whole) // 2], "error")
    put("notgzip.html.gz", b"this is not gzip at all", "error")
    put("truncated.warc.gz", _warc_bytes()[:-200], "error")
    # Cut inside the second record's gzip member, past its headers: warcio alone ends quietly.
    crawl, ends = _warc_bytes(with_ends=True)
    put("cut-in-record.warc.gz", crawl[: ends[0] + (ends[1] - ends[0]) // 3], "error")
    put("corrupt.warc.gz", crawl[: ends[0]] + bytes(range(256)) * 4, "error")
    put("no-target.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n"
                          b"HTTP/1.1 200 OK\r\n\r\n<html><body>x", "error")
    put("broken.xml", b"<?xml version='1.0'?><rss><channel><title>x</title><item><title>a", "error")
    put("notafeed.xml", b"<?xml version='1.0'?><config><value>1</value></config>", "error")
    put("mixed.jsonl", (b'{"source": "j1", "text": "' + GOOD.replace("\n", " ").encode() + b'"}\n'
                        b'{not json\n'
                        b'{"source": "j3"}\n'
                        b'[1, 2]\n'), "partial")
    put("huge-one-line.txt", b"x" * (huge_mb * 1_000_000), "error")
    return expect


def _warc_bytes(with_ends: bool = False):
    """A gzipped crawl of three pages; with `with_ends`, also where each record's member ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    page = ("<html><body><article><p>" + GOOD * 30 + "</p></article></body></html>").encode()
    ends = []
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://port.example/{i}", "response",
                                                      payload=io.BytesIO(page.replace(b"Monday", f"day {i}".encode())),
                                                      http_headers=headers))
        ends.append(buf.tell())
    return (buf.getvalue(), ends) if with_ends else buf.getvalue()
