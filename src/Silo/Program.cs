using PixOrga.Silo.Hosting;

var app = await PixOrgaHost.BuildAsync(args);
await app.RunAsync();
