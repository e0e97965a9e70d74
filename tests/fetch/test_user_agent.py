"""The User-Agent names the project, its version and the contact the user gave; nothing made up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytest_httpserver import HTTPServer

from config.settings import FetchSettings, load_settings
from flows.http.agent import project_version, user_agent
from records.fetch import FetchRequest
from tests.fetch.fetch_harness import Harness


def test_the_default_names_the_project_and_version_and_no_homepage() -> None:
    agent = user_agent(FetchSettings())
    assert agent == f"hzhk-tracker/{project_version()} (news monitoring)"
    assert "http" not in agent and "github" not in agent


def test_the_shipped_settings_leave_the_contact_for_the_user_to_fill_in() -> None:
    fetch = load_settings(config_dir=Path(__file__).resolve().parents[2] / "config").fetch
    assert fetch.contact == "" and fetch.user_agent == ""


def test_the_contact_setting_goes_into_the_user_agent() -> None:
    agent = user_agent(FetchSettings(contact="newsdesk@example.org"))
    assert agent.endswith("(news monitoring; contact: newsdesk@example.org)")


def test_an_explicit_user_agent_is_sent_as_it_is() -> None:
    assert user_agent(FetchSettings(user_agent="MyBot/2.0", contact="x")) == "MyBot/2.0"


def test_robots_rules_for_hzhk_tracker_apply_to_the_built_agent(
    harness_factory: Callable[..., Harness], server: HTTPServer
) -> None:
    harness = harness_factory(user_agent="", contact="newsdesk@example.org")
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: hzhk-tracker\nDisallow: /private/\n", content_type="text/plain"
    )
    expected = user_agent(harness.settings)
    server.expect_request("/public", headers={"User-Agent": expected}).respond_with_data("ok")

    results = harness.fetch_all(
        [FetchRequest(server.url_for("/public")), FetchRequest(server.url_for("/private/a"))]
    )

    assert [r.outcome for r in results] == ["ok", "disallowed"]
