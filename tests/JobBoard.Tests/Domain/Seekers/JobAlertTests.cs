using JobBoard.Domain.Seekers;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Seekers;

public sealed class JobAlertTests
{
    [Fact]
    public void A_seekers_alert_is_confirmed_when_made_and_a_guests_waits_for_its_confirmation()
    {
        var seekers = JobAlert.ForSeeker(7, "dana@example.test", "  Nurses in Chicago ", "?q=nurse&location=Chicago", AlertFrequency.Instant, Now).Value;
        seekers.Should().Match<JobAlert>(a => a.IsConfirmed && a.UserId == 7 && a.Name == "Nurses in Chicago" && a.Query == "q=nurse&location=Chicago" && a.CheckedThrough == Now);
        seekers.IsDue(Now).Should().BeTrue("an instant alert is due whenever it is looked at");

        var guests = JobAlert.ForGuest(" guest@example.test ", "Nurses", "q=nurse", AlertFrequency.Instant, Now).Value;
        guests.Should().Match<JobAlert>(a => !a.IsConfirmed && a.UserId == null && a.Email == "guest@example.test");
        guests.IsDue(Now.AddDays(30)).Should().BeFalse("an unconfirmed alert sends nothing");

        guests.Confirm(Now.AddHours(2));
        guests.IsConfirmed.Should().BeTrue();
        guests.CheckedThrough.Should().Be(Now.AddHours(2), "matching starts with the postings changed after the confirmation");
        guests.Confirm(Now.AddHours(5));
        guests.ConfirmedAt.Should().Be(Now.AddHours(2), "a second click changes nothing");
    }

    [Fact]
    public void Daily_and_weekly_alerts_are_due_a_day_and_a_week_after_their_last_look()
    {
        var daily = JobAlert.ForSeeker(1, "a@example.test", "Daily", "q=nurse", AlertFrequency.Daily, Now).Value;
        var weekly = JobAlert.ForSeeker(1, "a@example.test", "Weekly", "q=nurse", AlertFrequency.Weekly, Now).Value;

        daily.IsDue(Now.AddHours(23)).Should().BeFalse();
        daily.IsDue(Now.AddDays(1)).Should().BeTrue();
        weekly.IsDue(Now.AddDays(6)).Should().BeFalse();
        weekly.IsDue(Now.AddDays(7)).Should().BeTrue();

        daily.Checked(Now.AddDays(1), sent: true);
        daily.Should().Match<JobAlert>(a => a.CheckedThrough == Now.AddDays(1) && a.LastSentAt == Now.AddDays(1));
        daily.IsDue(Now.AddDays(1).AddHours(12)).Should().BeFalse("the next digest is a day after this look");
        weekly.Checked(Now.AddDays(7), sent: false);
        weekly.LastSentAt.Should().BeNull("nothing was mailed");
    }

    [Fact]
    public void The_next_look_reaches_back_from_the_last_one_but_never_before_the_confirmation()
    {
        var alert = JobAlert.ForSeeker(1, "a@example.test", "Nurses", "q=nurse", AlertFrequency.Instant, Now).Value;
        alert.ChangedAfter(TimeSpan.FromMinutes(5)).Should().Be(Now, "a new alert starts with what changes from now on");

        alert.Checked(Now.AddHours(1), sent: false);
        alert.ChangedAfter(TimeSpan.FromMinutes(5)).Should().Be(Now.AddHours(1).AddMinutes(-5));
    }

    [Fact]
    public void An_alert_needs_a_name_a_valid_address_a_known_frequency_and_a_search_short_enough_to_keep()
    {
        JobAlert.ForGuest("a@example.test", "  ", "q=nurse", AlertFrequency.Daily, Now).Errors.Single().Field.Should().Be("Name");
        JobAlert.ForGuest("a@example.test", new string('n', JobAlert.MaxNameLength + 1), "q=nurse", AlertFrequency.Daily, Now)
            .Errors.Single().Message.Should().Be("A name has at most 100 characters on one line.");
        JobAlert.ForGuest("a@example.test", "Nurses\u0007", "q=nurse", AlertFrequency.Daily, Now).Errors.Single().Field.Should().Be("Name");
        JobAlert.ForGuest("not an address", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Errors.Single().Field.Should().Be("Email");
        JobAlert.ForGuest("", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Errors.Single().Field.Should().Be("Email");
        JobAlert.ForGuest("a@example.test", "Nurses", "q=nurse", (AlertFrequency)9, Now).Errors.Single().Field.Should().Be("Frequency");
        JobAlert.ForGuest("a@example.test", "Nurses", "q=" + new string('n', JobAlert.MaxQueryLength), AlertFrequency.Daily, Now)
            .Errors.Single().Field.Should().Be("Query");
        JobAlert.ForGuest("a@example.test", "", "q=nurse", (AlertFrequency)9, Now).Errors.Select(e => e.Field).Should().Equal("Name", "Frequency");
    }

    [Fact]
    public void A_change_of_name_or_frequency_is_checked_like_a_new_alert_and_changes_nothing_when_refused()
    {
        var alert = JobAlert.ForSeeker(1, "a@example.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;

        alert.Change("", AlertFrequency.Weekly).Succeeded.Should().BeFalse();
        alert.Should().Match<JobAlert>(a => a.Name == "Nurses" && a.Frequency == AlertFrequency.Daily);

        alert.Change(" Nurses downtown ", AlertFrequency.Weekly).Succeeded.Should().BeTrue();
        alert.Should().Match<JobAlert>(a => a.Name == "Nurses downtown" && a.Frequency == AlertFrequency.Weekly);
    }
}
