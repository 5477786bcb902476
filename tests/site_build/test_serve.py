"""scripts/site_build/serve.py: the one local server, as GitHub Pages serves a site."""

from __future__ import annotations

import gzip
import http.client
import urllib.error
import urllib.request

import pytest

from site_build.serve import serve


@pytest.fixture
def site(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 100, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    (tmp_path / "404.html").write_text("<h1>Not found</h1>", encoding="utf-8")
    return tmp_path


def get(url: str, gzip_ok: bool = True):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers=headers))
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read()
        if response.headers["Content-Encoding"] == "gzip":
            body = gzip.decompress(body)
        return response.status, response.headers, body


def test_text_is_gzipped_with_a_ten_minute_cache_lifetime(site):
    with serve(site) as server:
        status, headers, body = get(server.url + "page/")
    assert status == 200
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "max-age=600"
    assert body.decode() == "<p>hello</p>" * 100


def test_text_is_plain_for_a_client_without_gzip_and_images_are_never_gzipped(site):
    with serve(site) as server:
        _, plain, body = get(server.url + "page/", gzip_ok=False)
        _, image, png = get(server.url + "image.png")
    assert plain["Content-Encoding"] is None and body.decode() == "<p>hello</p>" * 100
    assert image["Content-Encoding"] is None and png == b"\x89PNG...."
    assert image["Cache-Control"] == "max-age=600"


def test_the_site_lives_under_its_prefix_and_anything_else_is_the_404_page(site):
    with serve(site, prefix="/guide/") as server:
        assert server.url.endswith("/guide/")
        assert get(server.url + "page/")[0] == 200
        for url in (server.origin + "/page/", server.url + "missing/", server.url + "nothing.css"):
            status, _, body = get(url)
            assert (status, body) == (404, b"<h1>Not found</h1>"), url


def test_a_folder_without_its_slash_is_redirected(site):
    with serve(site) as server:
        connection = http.client.HTTPConnection(server.origin.removeprefix("http://"))
        connection.request("GET", "/page")
        response = connection.getresponse()
        connection.close()
    assert response.status == 301 and response.headers["Location"] == "/page/"


def test_the_prefix_must_be_a_folder(site):
    with pytest.raises(ValueError):
        serve(site, prefix="guide")
