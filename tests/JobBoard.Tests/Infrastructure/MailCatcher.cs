using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd (python3-aiosmtpd, installed by ./jobboard.sh test) on a free
/// port, storing what it receives in a Maildir that the tests read back with MimeKit. One per test process; the app
/// under test sends to it (JobBoardApp sets Smtp:Port).
/// </summary>
public sealed class MailCatcher
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static readonly string[] Delivered = ["new", "cur"];
    private static readonly string[] AllFolders = ["new", "cur", "tmp"];
    private static MailCatcher? _shared;

    private readonly string _maildir;

    private MailCatcher(int port, string maildir)
    {
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    public static async Task<MailCatcher> SharedAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = Delivered
            .Select(folder => Path.Combine(_maildir, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(file => (file, MimeMessage.Load(file)))
            .OrderBy(m => m.Item2.Date)
            .ThenBy(m => File.GetLastWriteTimeUtc(m.file));
        return files.Select(m => m.Item2).ToList();
    }

    /// <summary>The messages to <paramref name="address"/>, waiting up to five seconds for at least one to arrive.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int atLeast = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var received = Messages().Where(m => m.To.Mailboxes.Any(to => to.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();
            if (received.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return received;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Forgets every message (each test starts with an empty inbox).</summary>
    public void Clear()
    {
        foreach (var file in AllFolders.Select(f => Path.Combine(_maildir, f)).Where(Directory.Exists).SelectMany(Directory.GetFiles))
        {
            File.Delete(file);
        }
    }

    private static async Task<MailCatcher> StartAsync()
    {
        var port = PostgresServer.FreePort();
        var maildir = Directory.CreateTempSubdirectory("jobboard-mail-").FullName;
        // Python's Maildir makes its three folders only when it makes the Maildir itself.
        foreach (var folder in AllFolders)
        {
            Directory.CreateDirectory(Path.Combine(maildir, folder));
        }

        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            process.Kill(entireProcessTree: true);
            Directory.Delete(maildir, recursive: true);
        };

        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited ({process.ExitCode}); is python3-aiosmtpd installed? {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new MailCatcher(port, maildir);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not listen on port {port}.");
    }
}
