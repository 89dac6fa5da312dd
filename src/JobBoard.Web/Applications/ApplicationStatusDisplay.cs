using JobBoard.Domain.Applications;

namespace JobBoard.Web.Applications;

/// <summary>How an application's status reads, to the seeker and in the recruiter's inbox alike.</summary>
public static class ApplicationStatusDisplay
{
    public static string ToDisplay(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.New => "New",
        ApplicationStatus.Reviewed => "Reviewed",
        ApplicationStatus.Shortlisted => "Shortlisted",
        ApplicationStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    /// <summary>A status by its name, as a form or a filter sends it; null for anything else (a number, an unknown name).</summary>
    public static ApplicationStatus? Parse(string? value) =>
        Enum.TryParse<ApplicationStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _)
            ? status
            : null;
}
