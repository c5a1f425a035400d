"""The pipeline is the config ingest/config.cfg: every component a named factory, every setting
commented, settings taken from the factories' defaults and overridable by name."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from ingest.pipeline import CONFIG_PATH, build_nlp, load_config


def test_the_pipeline_is_the_config(nlp):
    config = load_config()
    assert config["nlp"]["lang"] == "vi"
    assert nlp.pipe_names == config["nlp"]["pipeline"]
    assert set(config["components"]) == set(config["nlp"]["pipeline"])
    for name in config["nlp"]["pipeline"]:
        factory = config["components"][name]["factory"]
        assert Language.has_factory(factory), factory
    assert nlp.config["nlp"]["tokenizer"] == config["nlp"]["tokenizer"]


def test_every_setting_is_commented():
    """Each `key = value` line of the file follows a comment that says what it means."""
    lines = CONFIG_PATH.read_text(encoding="utf-8").splitlines()
    bare = [line for before, line in zip(["", *lines], lines, strict=False)
            if re.match(r"^[@\w]+\s*=", line) and not before.startswith("#")]
    assert bare == []


def test_component_settings_are_their_factory_defaults():
    config = load_config()
    for name, block in config["components"].items():
        meta = Language.get_factory_meta(block["factory"])
        settings = {k: v for k, v in block.items() if k != "factory"}
        assert settings == meta.default_config, name


def test_a_setting_is_overridden_by_name():
    nlp = build_nlp(overrides={"components.vnkg_relations.visit_window": 60})
    assert nlp.get_pipe("vnkg_relations").settings.visit_window == 60
    assert nlp.config["components"]["vnkg_relations"]["visit_window"] == 60


@pytest.mark.parametrize("switch", ["delegation_leaders", "drop_undated_duplicates",
                                    "carry_session_date", "headline_dates", "attendance_lists",
                                    "speakers", "bare_titles"])
def test_each_discourse_pass_is_switched_off_by_name(switch):
    nlp = build_nlp(["vnkg_context", "vnkg_relations"],
                    overrides={f"components.vnkg_relations.{switch}": False})
    settings = nlp.get_pipe("vnkg_relations").settings
    assert getattr(settings, switch) is False
    assert load_config()["components"]["vnkg_relations"][switch] is True


def test_a_misspelt_setting_fails_at_build():
    with pytest.raises(Exception, match="visit_windw"):
        build_nlp(overrides={"components.vnkg_relations.visit_windw": 60})


def test_a_subset_of_components_keeps_the_config_order():
    nlp = build_nlp(["vnkg_relations", "vnkg_context"])
    assert nlp.pipe_names == ["vnkg_context", "vnkg_relations"]
    with pytest.raises(ValueError, match="vnkg_nope"):
        build_nlp(["vnkg_nope"])
