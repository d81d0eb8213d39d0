namespace PixOrga.Tests.Infrastructure;

/// <summary>Retries an assertion until it holds or a deadline passes: for effects that settle asynchronously.</summary>
public static class Eventually
{
    public static async Task Async(Func<Task> assertion, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public static Task Async<T>(Func<Task<T>> assertion, TimeSpan? timeout = null) => Async(async () => { await assertion(); }, timeout);

    public static Task Async(Action assertion, TimeSpan? timeout = null) => Async(() => { assertion(); return Task.CompletedTask; }, timeout);
}
