using JobBoard.Domain.Postings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class CompensationTests
{
    [Fact]
    public void A_yearly_range_in_dollars_is_kept_as_given()
    {
        var result = Compensation.Create("usd", 176_400m, 327_600m, PayPeriod.Year, cashIncentive: true, equityEligible: true);

        result.Succeeded.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(new { Currency = "USD", Minimum = 176_400m, Maximum = 327_600m, Period = PayPeriod.Year, CashIncentive = true, EquityEligible = true });
    }

    [Fact]
    public void Minimum_above_maximum_is_refused()
    {
        var result = Compensation.Create("USD", 90_000m, 60_000m, PayPeriod.Year);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle(e => e.Message == "The minimum salary cannot be above the maximum.");
    }

    [Theory]
    [InlineData("US")]
    [InlineData("dollars")]
    [InlineData("")]
    [InlineData(null)]
    public void The_currency_must_be_an_ISO_code(string? currency)
    {
        Compensation.Create(currency, 10m, 20m, PayPeriod.Hour).Errors.Should().ContainSingle(e => e.Field == "Currency");
    }

    [Fact]
    public void A_salary_needs_at_least_one_amount_and_no_negative_one()
    {
        Compensation.Create("EUR", null, null, PayPeriod.Month).Succeeded.Should().BeFalse();
        Compensation.Create("EUR", -1m, 10m, PayPeriod.Month).Succeeded.Should().BeFalse();
        Compensation.Create("EUR", null, 4_000m, PayPeriod.Month).Succeeded.Should().BeTrue("\"up to\" salaries exist");
    }

    [Fact]
    public void An_unknown_pay_period_is_refused()
    {
        Compensation.Create("EUR", 1m, 2m, (PayPeriod)42).Errors.Should().ContainSingle(e => e.Field == "Period");
    }

    [Fact]
    public void Annual_minimum_compares_pay_across_periods()
    {
        Compensation.Create("USD", 25m, 30m, PayPeriod.Hour).Value.AnnualMinimum.Should().Be(52_000m);
        Compensation.Create("USD", null, 5_000m, PayPeriod.Month).Value.AnnualMinimum.Should().Be(60_000m);
    }
}
