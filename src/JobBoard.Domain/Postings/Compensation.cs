using JobBoard.Domain.Common;

namespace JobBoard.Domain.Postings;

/// <summary>What a posting pays. Optional on a posting: a salary is never invented when the ad has none.</summary>
public sealed class Compensation
{
    private Compensation(string currency, decimal? minimum, decimal? maximum, PayPeriod period)
    {
        Currency = currency;
        Minimum = minimum;
        Maximum = maximum;
        Period = period;
    }

    /// <summary>ISO 4217 code, upper case.</summary>
    public string Currency { get; private set; }

    public decimal? Minimum { get; private set; }

    public decimal? Maximum { get; private set; }

    public PayPeriod Period { get; private set; }

    /// <summary>A performance-based cash incentive (bonus, commission) comes on top.</summary>
    public bool CashIncentive { get; private set; }

    public bool EquityEligible { get; private set; }

    public string? Benefits { get; private set; }

    public static Result<Compensation> Create(
        string? currency,
        decimal? minimum,
        decimal? maximum,
        PayPeriod period,
        bool cashIncentive = false,
        bool equityEligible = false,
        string? benefits = null)
    {
        var errors = new List<DomainError>();
        var code = currency?.Trim().ToUpperInvariant() ?? string.Empty;
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new DomainError(nameof(Currency), "The currency must be a three-letter ISO 4217 code such as USD or EUR."));
        }

        if (minimum is null && maximum is null)
        {
            errors.Add(new DomainError(nameof(Minimum), "Give a minimum, a maximum or both."));
        }

        if (minimum is < 0 || maximum is < 0)
        {
            errors.Add(new DomainError(nameof(Minimum), "Salary amounts cannot be negative."));
        }

        if (minimum is { } min && maximum is { } max && min > max)
        {
            errors.Add(new DomainError(nameof(Minimum), "The minimum salary cannot be above the maximum."));
        }

        if (!Enum.IsDefined(period))
        {
            errors.Add(new DomainError(nameof(Period), "Unknown pay period."));
        }

        if (errors.Count > 0)
        {
            return Result<Compensation>.Failure(errors);
        }

        return Result<Compensation>.Success(new Compensation(code, minimum, maximum, period)
        {
            CashIncentive = cashIncentive,
            EquityEligible = equityEligible,
            Benefits = string.IsNullOrWhiteSpace(benefits) ? null : benefits.Trim(),
        });
    }

    /// <summary>The yearly equivalent of the minimum (or maximum), for comparing salaries across periods.</summary>
    public decimal? AnnualMinimum => (Minimum ?? Maximum) * PeriodsPerYear(Period);

    public static decimal PeriodsPerYear(PayPeriod period) => period switch
    {
        PayPeriod.Hour => 2080m,
        PayPeriod.Day => 260m,
        PayPeriod.Week => 52m,
        PayPeriod.Month => 12m,
        _ => 1m,
    };
}
