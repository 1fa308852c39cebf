using JasperFx;
using QunTuan.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddQunTuan();

var app = builder.Build();
app.UseQunTuan();

return await app.RunJasperFxCommands(args);

public partial class Program;
