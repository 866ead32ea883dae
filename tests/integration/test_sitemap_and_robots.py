import xml.etree.ElementTree as ET

import pytest

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    return [element.text for element in tree.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_sitemap_lists_every_published_page(client, site_pages):
    locations = sitemap_locations(client)

    for page in site_pages.values():
        assert page.full_url in locations
    assert "http://testserver/" in locations
    assert "http://testserver/privacy-notice/" in locations


def test_sitemap_lists_the_crisis_help_page_in_every_language(client, site_pages):
    locations = sitemap_locations(client)

    assert "http://testserver/need-help-now/" in locations
    assert "http://testserver/pl/need-help-now/" in locations
    assert "http://testserver/ur/need-help-now/" in locations


def test_sitemap_leaves_out_unpublished_pages(client, site_pages):
    privacy = site_pages["privacy"]
    privacy.unpublish()

    locations = sitemap_locations(client)

    assert privacy.full_url not in locations
    assert site_pages["cookies"].full_url in locations


def test_sitemap_leaves_out_sign_in_and_staff_pages(client, site_pages):
    locations = sitemap_locations(client)

    assert not [url for url in locations if "/accounts/" in url or "/staff/" in url or "/admin/" in url]


@pytest.fixture
def robots(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode().splitlines()


@pytest.mark.parametrize(
    "path", ["/admin/", "/accounts/", "/staff/", "/steering/", "/researchers/", "/take-part/", "/ur/take-part/"]
)
def test_robots_txt_keeps_crawlers_out_of_private_areas(robots, path):
    assert f"Disallow: {path}" in robots


@pytest.mark.parametrize("path", ["/pl/accounts/", "/ur/accounts/", "/pl/staff/", "/ur/staff/"])
def test_robots_txt_keeps_crawlers_out_of_private_areas_in_every_language(robots, path):
    assert f"Disallow: {path}" in robots


@pytest.mark.parametrize(
    "public_path", ["/", "/need-help-now/", "/ur/need-help-now/", "/privacy-notice/", "/take-part-in-research/"]
)
def test_robots_txt_does_not_keep_crawlers_from_public_pages(robots, public_path):
    disallowed = [line.split(":", 1)[1].strip() for line in robots if line.startswith("Disallow:")]

    assert disallowed
    assert not [prefix for prefix in disallowed if public_path.startswith(prefix)]


def test_robots_txt_points_at_the_sitemap(robots):
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_sitemap_links_the_crisis_help_page_to_its_translations(client, site_pages):
    tree = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response

    entry = next(
        url
        for url in tree.findall("sm:url", SITEMAP_NS)
        if url.findtext("sm:loc", namespaces=SITEMAP_NS) == "http://testserver/ur/need-help-now/"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", SITEMAP_NS)}

    assert alternates["en-gb"] == "http://testserver/need-help-now/"
    assert alternates["pl"] == "http://testserver/pl/need-help-now/"
    assert alternates["x-default"] == "http://testserver/need-help-now/"


def test_every_sitemap_address_uses_the_sites_own_origin_whatever_host_was_asked(client, site_pages):
    response = client.get("/sitemap.xml", headers={"host": "localhost"})
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    locations = [element.text for element in tree.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert locations
    assert all(location.startswith("http://testserver/") for location in locations), locations
