using JobBoard.Domain.Applications;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Applications;

public sealed class JobApplicationTests
{
    private static readonly CheckedCv Cv = CvFile.Check("jane.pdf", CvSamples.PdfType, CvSamples.Pdf()).Value;

    [Fact]
    public void A_new_application_is_new_with_its_trimmed_fields_and_the_CV_it_was_sent_with()
    {
        var application = JobApplication.Submit(7, 3, "  Jane Doe ", " jane@example.com ", "  ", "  I would love to.  ", Cv, Now).Value;

        application.Should().Match<JobApplication>(a =>
            a.PostingId == 7 && a.UserId == 3 && a.Name == "Jane Doe" && a.Email == "jane@example.com" && a.Phone == null
            && a.CoverNote == "I would love to." && a.CvFileName == "jane.pdf" && a.CvKind == CvKind.Pdf && a.CvSize == Cv.Content.Length
            && a.Status == ApplicationStatus.New && a.SubmittedAt == Now && a.StatusChangedAt == Now);
        ApplicationCv.For(application, Cv).Content.Should().Equal(Cv.Content);
    }

    [Fact]
    public void Name_and_a_reply_address_are_required_and_every_field_has_its_limit()
    {
        var errors = JobApplication.Submit(1, 1, " ", "not an address", new string('1', JobApplication.MaxPhoneLength + 1),
            new string('x', JobApplication.MaxNoteLength + 1), Cv, Now).Errors;

        errors.Select(e => (e.Field, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("Name", "Give your name."),
            ("Email", "Give an e-mail address the company can reply to."),
            ("Phone", "A phone number has at most 40 characters."),
            ("CoverNote", "A note has at most 5,000 characters."),
        });
        JobApplication.Submit(1, 1, "Jane\u0007", "jane@example.com", null, null, Cv, Now).Errors.Single().Field.Should().Be("Name");
        JobApplication.Submit(1, 1, "Jane", "jane@example.com", null, "Line one\nLine two", Cv, Now).Succeeded.Should().BeTrue("a note may have lines");
    }

    [Fact]
    public void The_recruiter_moves_the_status_along_and_its_time_changes_only_when_it_does()
    {
        var application = JobApplication.Submit(1, 1, "Jane", "jane@example.com", null, null, Cv, Now).Value;

        application.ChangeStatus(ApplicationStatus.Shortlisted, Now.AddDays(1)).Succeeded.Should().BeTrue();
        application.ChangeStatus(ApplicationStatus.Shortlisted, Now.AddDays(2)).Succeeded.Should().BeTrue();

        application.Status.Should().Be(ApplicationStatus.Shortlisted);
        application.StatusChangedAt.Should().Be(Now.AddDays(1));
        application.ChangeStatus((ApplicationStatus)9, Now).Errors.Single().Message.Should().Be("Choose a status from the list.");
        application.ChangeStatus(ApplicationStatus.Rejected, Now.AddDays(3)).Succeeded.Should().BeTrue();
        application.ChangeStatus(ApplicationStatus.Reviewed, Now.AddDays(4)).Succeeded.Should().BeTrue("a rejection can be reconsidered");
        application.Status.Should().Be(ApplicationStatus.Reviewed);
    }
}
