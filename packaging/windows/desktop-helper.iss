; Inno Setup 6 script: installs the PyInstaller bundle (dist\desktop-helper) for the current user
; or, when the user chooses, for all users. Start menu entry, optional desktop icon, optional
; start at login, and an uninstaller that quits the running app first.
;
; Build (the release workflow does this):
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\desktop-helper packaging\windows\desktop-helper.iss
; The version comes from desktop_helper/__init__.py through the command line, never from here.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\desktop-helper"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; AppId identifies the app for upgrades and the uninstaller: never change it
AppId={{7B4D2E64-3F0B-4C55-9E7A-5D1C8A2F6B31}
AppName=Desktop Helper
AppVersion={#AppVersion}
AppVerName=Desktop Helper {#AppVersion}
AppPublisher=desktop_helper developers
AppPublisherURL=https://github.com/desktop-helper/desktop_helper
DefaultDirName={autopf}\Desktop Helper
DefaultGroupName=Desktop Helper
DisableProgramGroupPage=yes
; per-user by default (no UAC prompt); the user may choose all users in a dialog
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=DesktopHelper-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\desktop-helper.ico
UninstallDisplayIcon={app}\desktop-helper.exe
UninstallDisplayName=Desktop Helper
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; the Restart Manager closes a running copy before files are replaced
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "Create a &desktop shortcut"; Flags: unchecked
Name: "startatlogin"; Description: "&Start Desktop Helper when I sign in"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Desktop Helper"; Filename: "{app}\desktop-helper.exe"; Comment: "Screen assistant for GLM-4.6V"
Name: "{group}\Uninstall Desktop Helper"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Desktop Helper"; Filename: "{app}\desktop-helper.exe"; Tasks: desktopicon

[Registry]
; the same value the app's own "Start at login" setting writes (platform/autostart/windows.py),
; so the setting and the installer agree, and the uninstaller removes it either way
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "DesktopHelper"; ValueData: """{app}\desktop-helper.exe"""; Tasks: startatlogin
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueName: "DesktopHelper"; Flags: dontcreatekey uninsdeletevalue

[Run]
Filename: "{app}\desktop-helper.exe"; Description: "Start Desktop Helper now"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; ask a running copy to quit so its files can be removed
Filename: "{app}\desktop-helper-cli.exe"; Parameters: "quit"; Flags: runhidden waituntilterminated; RunOnceId: "QuitDesktopHelper"

[Code]
// The app keeps "Start at login" as a setting and brings the Run value in line with it at every
// start. On a first install (no settings file yet) record the installer's choice there too, or the
// app's first start would remove the Run value again. An existing profile keeps its own choice.
procedure CurStepChanged(CurStep: TSetupStep);
var
  SettingsDir: String;
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('startatlogin') then
  begin
    // platformdirs.user_config_dir("desktop-helper", appauthor=False) on Windows
    SettingsDir := ExpandConstant('{localappdata}\desktop-helper');
    if not FileExists(SettingsDir + '\settings.json') then
    begin
      ForceDirectories(SettingsDir);
      SaveStringToFile(SettingsDir + '\settings.json', '{"values": {"general.start_at_login": true}}' + #13#10, False);
    end;
  end;
end;
