"""Updates and findings, resources, easy read and search: what a visitor sees, and what it costs."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from portal.content.models import ResourcePage, UpdatePage
from portal.easyread.models import EasyReadPage


@pytest.fixture
def searchable_pages(content_pages):
    """The demo content with the search index built, as the task worker builds it on a live site."""
    call_command("update_index", stdout=StringIO())
    return content_pages


# Queries per page with a warm cache (the second request). Lists run a fixed number of queries
# whatever their length: the easy-read versions, topics and tags are fetched once per list.
CONTENT_PAGES = [
    pytest.param("/", 10, id="home"),
    pytest.param("/updates/", 12, id="updates index"),
    pytest.param("/updates/reducing-long-term-segregation-findings/", 11, id="findings page"),
    pytest.param("/easy-read/", 12, id="easy-read index"),
    pytest.param("/easy-read/long-term-segregation/", 11, id="easy-read page"),
    pytest.param("/self-care-and-recovery/", 15, id="resources index"),
    pytest.param("/self-care-and-recovery/?topic=peer-support&audience=people-who-use-services", 15, id="filtered"),
    pytest.param("/self-care-and-recovery/peer-support-groups/", 11, id="resource page"),
    pytest.param("/search/?q=peer+support", 8, id="search"),
]


@pytest.mark.parametrize(("url", "budget"), CONTENT_PAGES)
def test_content_pages_stay_within_their_query_budget(
    client, searchable_pages, django_assert_max_num_queries, url, budget
):
    client.get(url)  # warm the caches, as a running site has them
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


def test_search_finds_pages_and_marks_the_easy_read_ones(client, searchable_pages):
    html = client.get("/search/", {"q": "peer support"}).content.decode()

    assert "results for “peer support”" in html
    assert 'href="/self-care-and-recovery/peer-support-groups/"' in html
    easy_read_result = html.index('href="/easy-read/peer-support-groups/"')
    assert html.rfind('<span class="nhsuk-tag nhsuk-tag--blue">Easy read</span>', 0, easy_read_result) > html.rfind(
        "<li", 0, easy_read_result
    )


def test_search_leaves_out_draft_pages(client, searchable_pages):
    page = ResourcePage.objects.get(slug="peer-support-groups")
    page.unpublish()

    html = client.get("/search/", {"q": "peer support groups"}).content.decode()

    assert 'href="/self-care-and-recovery/peer-support-groups/"' not in html


def test_search_without_words_shows_only_the_form(client, site_pages):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert "results for" not in response.content.decode()
    assert response.context["results"] is None


def test_search_keeps_a_long_query_to_a_sensible_length(client, site_pages):
    response = client.get("/search/", {"q": "a" * 5000})

    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_findings_and_their_easy_read_version_link_to_each_other(client, content_pages):
    findings = client.get("/updates/reducing-long-term-segregation-findings/").content.decode()
    easy_read = client.get("/easy-read/long-term-segregation/").content.decode()

    assert 'href="/easy-read/long-term-segregation/"' in findings
    assert "Read this in easy read" in findings
    assert 'href="/updates/reducing-long-term-segregation-findings/"' in easy_read
    assert "Read the full version" in easy_read


def test_an_unpublished_easy_read_version_is_not_linked(client, content_pages):
    EasyReadPage.objects.get(slug="long-term-segregation").unpublish()

    findings = client.get("/updates/reducing-long-term-segregation-findings/").content.decode()

    assert "Read this in easy read" not in findings


def test_every_picture_on_an_easy_read_page_has_alt_text(client, content_pages):
    html = client.get("/easy-read/long-term-segregation/").content.decode()

    pictures = re.findall(r"<img [^>]*>", html)
    assert len(pictures) == len(EasyReadPage.objects.get(slug="long-term-segregation").rows()) == 12
    for picture in pictures:
        alt = re.search(r'alt="([^"]*)"', picture).group(1)
        assert len(alt) >= 3, picture


def test_every_demo_easy_read_row_has_a_picture(content_pages):
    for page in EasyReadPage.objects.all():
        for child in page.body:
            if child.block_type == "row":
                assert child.value["image"] is not None
                assert child.value["image"].description


def test_the_easy_read_index_lists_every_easy_read_page_wherever_it_is(client, content_pages):
    html = client.get("/easy-read/").content.decode()

    for page in EasyReadPage.objects.live():
        assert f'href="{page.url}"' in html


@pytest.mark.parametrize(
    ("query", "included", "excluded"),
    [
        ({"topic": "peer-support"}, ["peer-support-groups", "peer-support-workers"], ["carers-support"]),
        ({"audience": "family-and-carers"}, ["carers-support", "crisis-plan"], ["peer-support-groups"]),
        (
            {"topic": "carers-support", "audience": "family-and-carers"},
            ["carers-information-sessions"],
            ["crisis-plan"],
        ),
        ({"easy_read": "1"}, ["peer-support-groups"], ["carers-support", "recovery-college"]),
        ({"topic": "not-a-topic"}, ["carers-support", "peer-support-groups"], []),
    ],
)
def test_the_resources_index_filters_with_a_plain_form(client, content_pages, query, included, excluded):
    html = client.get("/self-care-and-recovery/", query).content.decode()

    for slug in included:
        assert f'href="/self-care-and-recovery/{slug}/"' in html
    for slug in excluded:
        assert f'href="/self-care-and-recovery/{slug}/"' not in html


def test_the_resources_index_says_how_many_match_and_keeps_the_choices(client, content_pages):
    html = client.get("/self-care-and-recovery/", {"topic": "peer-support"}).content.decode()

    assert "3 places to find support" in html
    assert '<option value="peer-support" selected>Peer support</option>' in html
    assert "Clear filters" in html


def test_the_resources_index_marks_resources_with_an_easy_read_version(client, content_pages):
    html = client.get("/self-care-and-recovery/").content.decode()

    assert 'href="/easy-read/peer-support-groups/"' in html


def test_a_resource_says_who_it_is_for_how_to_get_it_where_and_cost(client, content_pages):
    html = client.get("/self-care-and-recovery/recovery-college/").content.decode()

    for label in ("Who it is for", "How to get it", "Where", "Cost", "You can refer yourself"):
        assert label in html
    assert "Free" in html
    assert 'href="/need-help-now/"' in html


def test_the_updates_index_shows_newest_first_and_filters_findings(client, content_pages):
    html = client.get("/updates/").content.decode()
    titles = [update.title for update in UpdatePage.objects.order_by("-date")]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)

    findings = client.get("/updates/", {"kind": "findings"}).content.decode()
    assert "Case study: a ward that halved restraint" in findings
    assert "How we co-produce this programme" not in findings


def test_the_updates_index_pages_through_many_updates_and_keeps_the_filter(client, content_pages):
    index = content_pages["updates"]
    for number in range(12):
        index.add_child(
            instance=UpdatePage(
                title=f"Findings {number}", slug=f"findings-{number}", kind="findings", summary="Summary.", body="[]"
            )
        )

    first = client.get("/updates/", {"kind": "findings"}).content.decode()
    second = client.get("/updates/", {"kind": "findings", "page": 2})

    assert "kind=findings&amp;page=2" in first
    assert second.status_code == 200
    assert "(page 2)" in second.content.decode()


def test_the_home_page_offers_the_main_routes_and_the_latest_updates(client, content_pages):
    html = client.get("/").content.decode()

    for href in ('href="/feedback/"', 'href="/self-care-and-recovery/"', 'href="/easy-read/"', 'href="/updates/"'):
        assert href in html
    assert "Latest updates" in html
    assert html.count('class="nhsuk-card__link"') == 4 + 3  # four routes, three updates
    # "Give feedback" comes first: it is what most people come to do.
    assert html.index('href="/feedback/"') < html.index('href="/self-care-and-recovery/"')


def test_seeding_again_adds_the_feedback_route_once(content_pages):
    from portal.content.demo_content import seed_content

    seed_content(content_pages["home"])
    home = content_pages["home"].specific.__class__.objects.get(pk=content_pages["home"].pk)

    urls = [block.value.get("url") for block in home.routes]
    assert urls.count("/feedback/") == 1


def test_the_sitemap_lists_the_new_pages(client, content_pages):
    xml = client.get("/sitemap.xml").content.decode()

    for path in ("/updates/", "/easy-read/long-term-segregation/", "/self-care-and-recovery/advocacy/"):
        assert f"http://testserver{path}</loc>" in xml


def test_pages_are_all_live_after_seeding_twice(content_pages):
    from portal.content.demo_content import seed_content

    before = Page.objects.count()
    seed_content(content_pages["home"])

    assert Page.objects.count() == before
    assert ResourcePage.objects.live().count() >= 10
    assert UpdatePage.objects.live().count() >= 3
