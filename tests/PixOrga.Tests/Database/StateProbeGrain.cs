namespace PixOrga.Tests.Database;

public sealed class StateProbeGrain([PersistentState(StateProbeGrain.StateName, "Default")] IPersistentState<ProbeState> state)
    : Grain, IStateProbeGrain
{
    public const string StateName = "probe";

    public Task<string?> GetValueAsync() => Task.FromResult(state.State.Value);

    public Task<bool> RecordExistsAsync() => Task.FromResult(state.RecordExists);

    public Task WriteAsync(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task ClearAsync() => state.ClearStateAsync();

    public Task ReloadAsync() => state.ReadStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
