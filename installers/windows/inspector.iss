; Inno Setup script for 巡查台账 on Windows: per-user install (no administrator rights),
; Start-menu entry, and file associations for workspaces (.ledger) and packages (.ledgerpkg).
; Build steps: installers/windows/README.md

#define AppName "巡查台账"
#define AppVersion "0.1.0"
#define AppExe "inspector-ledger.exe"

[Setup]
AppId={{6F1D7C36-64C1-4A7E-9A49-2B3A5F0E8D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=巡查台账
DefaultDirName={localappdata}\Programs\InspectorLedger
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=inspector-ledger-setup-{#AppVersion}
SetupIconFile=..\icons\inspector.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\inspector-ledger\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; per-user associations (HKCU) so that no administrator rights are needed
Root: HKCU; Subkey: "Software\Classes\.ledger"; ValueType: string; ValueData: "InspectorLedger.Workspace"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\InspectorLedger.Workspace"; ValueType: string; ValueData: "巡查台账工作区"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\InspectorLedger.Workspace\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\InspectorLedger.Workspace\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.ledgerpkg"; ValueType: string; ValueData: "InspectorLedger.Package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\InspectorLedger.Package"; ValueType: string; ValueData: "巡查台账包"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\InspectorLedger.Package\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\InspectorLedger.Package\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
