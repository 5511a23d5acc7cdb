"""The eligibility function: a result with every reason, each tied to its rule,
parameter and source. The default graduate (born 1 May 2003, grade 7 from
1 September 2015, graduated on 1 July 2018) is asked about in 2018."""

from __future__ import annotations

import datetime as dt

from dropout_control.bundle import Bundle
from dropout_control.completion import (
    CertificateKind,
    Stage,
    eligibility,
    final_grade,
)
from dropout_control.policy import Layer, Mark, resolve_policy
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.registry.model import RecordStatus
from tests.unit.completion.certificate_builders import GRADUATE_NUMBER, graduate

BUNDLE = Bundle(students=[graduate(status=RecordStatus.COMPLETED)])
NUMBER = GRADUATE_NUMBER.reveal()


def test_on_31_august_2018_the_completed_student_is_eligible() -> None:
    answer = eligibility(
        BUNDLE,
        NUMBER,
        CertificateKind.COMPLETION,
        on=dt.date(2018, 8, 31),
        policy=resolve_policy("622900", on=dt.date(2018, 8, 31)),
    )

    assert answer.eligible
    assert Stage.JUNIOR_SECONDARY is answer.stage
    assert "eligible" == answer.message.en


def test_on_10_june_2018_the_issue_date_is_not_reached_and_the_reason_names_its_source() -> None:
    day = dt.date(2018, 6, 10)
    answer = eligibility(
        BUNDLE, NUMBER, CertificateKind.COMPLETION, on=day, policy=resolve_policy("622900", on=day)
    )

    (reason,) = answer.reasons
    (use,) = reason.parameters
    assert ("CERT-003", "CERT.TOO_EARLY") == (reason.rule, reason.code)
    assert ("certificate.issue_from", "000000", Mark.UNSOURCED) == (
        use.key,
        use.jurisdiction,
        use.mark,
    )
    assert "library default" == use.source
    assert not answer


def test_the_student_is_masked_in_the_answer() -> None:
    day = dt.date(2018, 8, 31)
    answer = eligibility(
        BUNDLE, NUMBER, CertificateKind.GRADUATION, on=day, policy=resolve_policy(on=day)
    )

    assert NUMBER not in str(answer.student)
    assert NUMBER == answer.student.reveal()


def test_the_final_grades_of_6_plus_3_and_5_plus_4() -> None:
    day = dt.date(2018, 6, 25)
    six_three = resolve_policy(on=day)
    five_four = resolve_policy(
        "622921",
        on=day,
        layers=[
            Layer.from_mapping(
                {
                    "jurisdiction": "622921",
                    "parameters": {
                        COMPULSORY_STRUCTURE: {
                            "values": [
                                {"since": "2006-09-01", "value": "5+4", "mark": "U", "source": "t"}
                            ]
                        }
                    },
                }
            )
        ],
    )

    assert (6, 9) == tuple(final_grade(stage, policy=six_three) for stage in Stage)
    assert (5, 9) == tuple(final_grade(stage, policy=five_four) for stage in Stage)
