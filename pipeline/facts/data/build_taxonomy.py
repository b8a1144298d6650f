"""Rebuild skills.json, the technology taxonomy, from devicon, Simple Icons and GitHub Linguist data.

Usage: python pipeline/facts/data/build_taxonomy.py [--packages DIR]

Needs `npm` and `node` (it runs `npm pack` for the pinned versions below unless --packages
holds the tarballs already) and an English word list (/usr/share/dict/words, Debian `wamerican`)
to flag the names that are also common English words ("Go", "Spring", "Helm"): those count
only in a technical context.

Sources (all three licences allow shipping the derived file; credit in the README):
- devicon (MIT): which technologies developers name, their alternative names and tags;
- Simple Icons (CC0-1.0): display titles and "aka" aliases of those technologies, and a few
  data and business tools devicon lacks;
- linguist-languages (MIT), GitHub Linguist's languages.yml as JSON: programming languages and
  their aliases.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGES = {"devicon": "2.17.0", "simple-icons": "16.37.0", "linguist-languages": "9.5.0"}
OUT = Path(__file__).with_name("skills.json")
NOTICE = Path(__file__).with_name("THIRD_PARTY_NOTICES.txt")
LICENSE_FILES = {"devicon": ("package/LICENSE",), "simple-icons": ("package/LICENSE.md",),
                 "linguist-languages": ("package/LICENSE", "package/ThirdPartyNoticeText.txt")}
WORDS = Path("/usr/share/dict/words")

# devicon entries that are websites, browsers, operating-system editions, brands or icon-only
# items rather than something a posting asks a candidate to know.
EXCLUDE_DEVICON = set("""
apple behance chrome codepen devicon facebook firefox gitter glitch google ie10 kaggle leetcode
linkedin opera replit safari stackoverflow thealgorithms twitter windows8 windows11 rect reach
sema jeet polygon fusion carbon clarity foundation nano codeac detaspace discloud norg npss
gardener harvester waku jule scalingo slack trello notion ifttt canva putty filezilla msdos
ohmyzsh yunohost dovecot cpanel k3os kdeneon artixlinux spack processwire sulu contao modx
shotgrid gitpod stackblitz railway readthedocs devicon spicedb teleport qodana hoppscotch
""".split())

# Simple Icons slugs added for data, analytics and business tools postings ask for.
EXTRA_SIMPLE_ICONS = set("""
snowflake looker googlebigquery databricks apacheflink apachehive apachepulsar apachedruid
trino presto airbyte mlflow huggingface langchain scipy polars springboot hubspot zendesk
sap stripe shopify mixpanel istio linkerd envoyproxy argo saltproject snyk cypress junit5
openjdk dotnet vmware redhatopenshift haproxy githubactions googlecloud chef puppet
""".split())

# Linguist languages added when devicon has no entry for them.
EXTRA_LINGUIST = {
    "SQL", "Shell", "PLpgSQL", "PLSQL", "TSQL", "HCL", "VBA", "Visual Basic .NET", "Assembly",
    "Scheme", "Pascal", "Verilog", "VHDL", "SystemVerilog", "Cuda", "Protocol Buffer",
    "Jsonnet", "Starlark", "Nix", "Cython", "ABAP", "Mojo", "Smalltalk", "Objective-C++",
    "GLSL", "HLSL", "Bicep", "Nextflow", "Snakemake", "SAS",
}

# Widely requested tools that none of the three sources lists; marked origin "jobpipe" in the file.
SUPPLEMENT = {
    "dbt": ("tool", ["data build tool"]), "Tableau": ("tool", []), "Power BI": ("tool", ["PowerBI"]),
    "Excel": ("tool", ["Microsoft Excel", "MS Excel"]), "Redshift": ("database", ["Amazon Redshift"]),
    "Amazon S3": ("cloud", ["S3", "AWS S3"]), "Amazon EC2": ("cloud", ["EC2", "AWS EC2"]),
    "AWS Lambda": ("cloud", ["Lambda"]), "Amazon EKS": ("cloud", ["EKS", "AWS EKS"]),
    "Amazon ECS": ("cloud", ["ECS", "AWS ECS"]), "SageMaker": ("cloud", ["Amazon SageMaker"]),
    "Kinesis": ("cloud", ["Amazon Kinesis"]), "Looker Studio": ("tool", ["Google Data Studio"]),
}

# Display names where neither Simple Icons nor Linguist has the name postings use.
DISPLAY = {
    "amazonwebservices": "AWS", "azure": "Azure", "azuredevops": "Azure DevOps",
    "azuresqldatabase": "Azure SQL Database", "apachekafka": "Kafka", "apachespark": "Spark",
    "apacheairflow": "Airflow", "apacheflink": "Flink", "apachehive": "Hive",
    "apachepulsar": "Pulsar", "apachedruid": "Druid", "html5": "HTML", "css3": "CSS",
    "dot-net": ".NET", "dotnet": ".NET", "dotnetcore": ".NET Core", "csharp": "C#",
    "cplusplus": "C++", "java": "Java", "bash": "Bash", "cassandra": "Cassandra",
    "hadoop": "Hadoop", "rails": "Ruby on Rails", "reactnative": "React Native",
    "nuxtjs": "Nuxt", "vitejs": "Vite", "cypressio": "Cypress", "d3js": "D3.js",
    "denojs": "Deno", "objectivec": "Objective-C", "microsoftsqlserver": "SQL Server",
    "oracle": "Oracle", "salesforce": "Salesforce", "matlab": "MATLAB", "maven": "Maven",
    "playwright": "Playwright", "tomcat": "Tomcat", "groovy": "Groovy", "grpc": "gRPC",
    "heroku": "Heroku", "dynamodb": "DynamoDB", "cosmosdb": "Cosmos DB", "couchdb": "CouchDB",
    "memcached": "Memcached", "nats": "NATS", "rxjs": "RxJS", "solidjs": "SolidJS",
    "sonarqube": "SonarQube", "powershell": "PowerShell", "visualbasic": "Visual Basic",
    "visualstudio": "Visual Studio", "vscode": "VS Code", "intellij": "IntelliJ IDEA",
    "eclipse": "Eclipse", "emacs": "Emacs", "unix": "Unix", "ssh": "SSH", "oauth": "OAuth",
    "openapi": "OpenAPI", "opencl": "OpenCL", "wasm": "WebAssembly", "xamarin": "Xamarin",
    "vsphere": "vSphere", "hyperv": "Hyper-V", "jaegertracing": "Jaeger", "junit": "JUnit",
    "junit5": "JUnit", "rspec": "RSpec", "karma": "Karma", "materialui": "Material UI",
    "angularjs": "AngularJS", "angularmaterial": "Angular Material", "ember": "Ember.js",
    "handlebars": "Handlebars", "magento": "Magento", "twilio": "Twilio", "spss": "SPSS",
    "stata": "Stata", "rstudio": "RStudio", "minitab": "Minitab", "matplotlib": "Matplotlib",
    "networkx": "NetworkX", "kubeflow": "Kubeflow", "argocd": "Argo CD", "argo": "Argo",
    "envoy": "Envoy", "envoyproxy": "Envoy", "travis": "Travis CI", "godot": "Godot",
    "unrealengine": "Unreal Engine", "illustrator": "Adobe Illustrator",
    "photoshop": "Adobe Photoshop", "aftereffects": "Adobe After Effects",
    "premierepro": "Adobe Premiere Pro", "xd": "Adobe XD", "threedsmax": "3ds Max",
    "maya": "Autodesk Maya", "unifiedmodelinglanguage": "UML", "embeddedc": "Embedded C",
    "entityframeworkcore": "Entity Framework", "djangorest": "Django REST framework",
    "clojurescript": "ClojureScript", "cobol": "COBOL", "prolog": "Prolog", "rexx": "REXX",
    "apl": "APL", "awk": "AWK", "apex": "Apex", "sdl": "SDL", "tex": "TeX", "gcc": "GCC",
    "kaldi": "Kaldi", "pulsar": "Pulsar", "realm": "Realm", "rollup": "Rollup",
    "processing": "Processing", "phoenix": "Phoenix", "grails": "Grails", "akka": "Akka",
    "vertx": "Vert.x", "dropwizard": "Dropwizard", "knockout": "Knockout.js",
    "mithril": "Mithril", "pixijs": "PixiJS", "inertiajs": "Inertia.js", "feathersjs": "Feathers",
    "framermotion": "Framer Motion", "zustand": "Zustand", "corejs": "core-js",
    "nhibernate": "NHibernate", "ecto": "Ecto", "hardhat": "Hardhat", "vyper": "Vyper",
    "ballerina": "Ballerina", "cairo": "Cairo", "ceylon": "Ceylon", "dyalog": "Dyalog APL",
    "aerospike": "Aerospike", "faunadb": "Fauna", "firebird": "Firebird",
    "yugabytedb": "YugabyteDB", "uwsgi": "uWSGI", "browserstack": "BrowserStack",
    "githubcodespaces": "GitHub Codespaces", "jiraalign": "Jira Align", "laminas": "Laminas",
    "laraveljetstream": "Laravel Jetstream", "filamentphp": "Filament", "phalcon": "Phalcon",
    "nodewebkit": "NW.js", "titaniumsdk": "Titanium SDK", "appcelerator": "Appcelerator",
    "love2d": "LÖVE", "libgdx": "libGDX", "bevyengine": "Bevy", "gazebo": "Gazebo",
    "photonengine": "Photon Engine", "openal": "OpenAL", "terramate": "Terramate",
    "sqldeveloper": "SQL Developer", "dataspell": "DataSpell", "netbeans": "NetBeans",
    "spyder": "Spyder", "tortoisegit": "TortoiseGit", "towergit": "Tower", "netbox": "NetBox",
    "pyscript": "PyScript", "qtest": "qTest", "karatelabs": "Karate", "reactnavigation":
    "React Navigation", "stenciljs": "Stencil", "veevalidate": "VeeValidate",
    "vuestorefront": "Vue Storefront", "krakenjs": "Kraken.js", "datatables": "DataTables",
    "materializecss": "Materialize", "fiber": "Fiber", "redhatopenshift": "OpenShift",
    "Cuda": "CUDA", "TSQL": "T-SQL", "PLSQL": "PL/SQL", "PLpgSQL": "PL/pgSQL",
    "Protocol Buffer": "Protocol Buffers", "cloudrun": "Cloud Run", "nimble": "Nimble", "atom": "Atom",
    "dreamweaver": "Dreamweaver", "aarch64": "AArch64", "jquery": "jQuery",
}


def npm_pack(dest: Path) -> dict[str, Path]:
    """Download the pinned npm tarballs into dest; return {package: tarball path}."""
    paths = {}
    for name, version in PACKAGES.items():
        out = subprocess.run(["npm", "pack", f"{name}@{version}", "--pack-destination", str(dest)],
                             check=True, capture_output=True, text=True)
        paths[name] = dest / out.stdout.strip().splitlines()[-1]
    return paths


def find_tarballs(folder: Path) -> dict[str, Path]:
    return {name: folder / f"{name}-{version}.tgz" for name, version in PACKAGES.items()}


def read_member(tarball: Path, member: str) -> bytes:
    with tarfile.open(tarball) as tar:
        return tar.extractfile(member).read()


def load_linguist(tarball: Path, workdir: Path) -> dict[str, dict]:
    """Linguist ships ES modules: unpack them and let node print {name: {type, aliases}}."""
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir / "linguist", filter="data")
    index = workdir / "linguist" / "package" / "index.js"
    script = (f"import * as L from {json.dumps(str(index))}; const o = {{}};"
              "for (const [k, v] of Object.entries(L)) o[k] = {type: v.type, aliases: v.aliases || []};"
              "console.log(JSON.stringify(o));")
    out = subprocess.run(["node", "--input-type=module", "-e", script], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("+", "plus").replace("#", "sharp"))


def simple_icons_index(icons: list[dict]) -> dict[str, dict]:
    index = {}
    for icon in icons:
        index.setdefault(icon.get("slug") or norm(icon["title"].replace(".", "dot")), icon)
        index.setdefault(norm(icon["title"]), icon)
    return index


def icon_aliases(icon: dict | None) -> list[str]:
    return list((icon or {}).get("aliases", {}).get("aka", []))


def derived_aliases(name: str, words: set[str] = frozenset()) -> list[str]:
    """Short forms postings use: "Kafka" for "Apache Kafka", "Vue" and "VueJS" for "Vue.js"."""
    forms = []
    if name.startswith("Apache "):
        forms.append(name[len("Apache "):])
    if name.lower().endswith(".js"):
        stem = name[:-3]
        # A bare stem that is an English word ("Next", "Three") would name the skill in prose.
        forms += [stem + "JS", stem + "js"] + ([] if stem.lower() in words else [stem])
    return forms


def devicon_entries(devicon: list[dict], icons: dict[str, dict], linguist: dict,
                    words: set[str]) -> list[dict]:
    by_norm = {norm(k): k for k in linguist}
    entries = []
    for item in devicon:
        slug = item["name"]
        if slug in EXCLUDE_DEVICON:
            continue
        icon = icons.get(slug)
        title = (icon or {}).get("title")
        name = DISPLAY.get(slug) or title or by_norm.get(slug) or slug
        lang = linguist.get(by_norm.get(norm(name), ""), {})
        titles = [title, *derived_aliases(title)] if title and title != name else []
        entries.append({"name": name, "category": category(item.get("tags", [])),
                        "aliases": [*item.get("altnames", []), *icon_aliases(icon), *titles,
                                    *useful_linguist_aliases(lang, words)],
                        "origin": "devicon"})
    return entries


def category(tags: list[str]) -> str:
    joined = " ".join(tags).lower()
    for word, cat in (("database", "database"), ("language", "language"), ("cloud", "cloud"),
                      ("framework", "framework"), ("library", "library"), ("test", "testing"),
                      ("container", "infrastructure"), ("devops", "infrastructure"),
                      ("editor", "tool"), ("ide", "tool"), ("design", "design")):
        if word in joined:
            return cat
    return "tool"


def useful_linguist_aliases(lang: dict, words: set[str]) -> list[str]:
    # Short Linguist aliases are file extensions ("py", "rb", "ts") and some are everyday words
    # ("cake" for C#, "node" for JavaScript): postings mean neither.
    return [a for a in lang.get("aliases", [])
            if len(a) >= 4 and " " not in a and a.lower() not in words]


def extra_entries(icons: dict[str, dict], linguist: dict, words: set[str]) -> list[dict]:
    entries = []
    for slug in sorted(EXTRA_SIMPLE_ICONS):
        icon = icons[slug]
        entries.append({"name": DISPLAY.get(slug, icon["title"]), "category": "tool",
                        "aliases": [icon["title"], *icon_aliases(icon)], "origin": "simple-icons"})
    for name in sorted(EXTRA_LINGUIST):
        aliases = [name, *useful_linguist_aliases(linguist[name], words)]
        entries.append({"name": DISPLAY.get(name, name), "category": "language",
                        "aliases": aliases, "origin": "linguist"})
    for name, (cat, aliases) in SUPPLEMENT.items():
        entries.append({"name": name, "category": cat, "aliases": aliases, "origin": "jobpipe"})
    return entries


def merge(entries: list[dict], words: set[str]) -> list[dict]:
    """One entry per display name; each alias kept once, and only where it names one skill."""
    merged: dict[str, dict] = {}
    for entry in entries:
        into = merged.setdefault(entry["name"], {**entry, "aliases": []})
        into["aliases"] += [*entry["aliases"], *derived_aliases(entry["name"], words)]
    owners = alias_owners(merged)
    for entry in merged.values():
        # One- and two-letter aliases in the sources are file extensions ("ps", "md").
        kept = {a.lower(): a for a in entry["aliases"] if len(a) > 2
                and owners[a.lower()] == {entry["name"]} and a.lower() != entry["name"].lower()}
        entry["aliases"] = sorted(kept.values(), key=str.lower)
    return sorted(merged.values(), key=lambda e: e["name"].lower())


def alias_owners(merged: dict[str, dict]) -> dict[str, set[str]]:
    """Which skills claim each surface form; a skill's own name outranks anyone's alias."""
    owners: dict[str, set[str]] = {}
    for entry in merged.values():
        for alias in entry["aliases"]:
            owners.setdefault(alias.lower(), set()).add(entry["name"])
    for name in merged:
        owners[name.lower()] = {name}
    return owners


def english_words(path: Path) -> set[str]:
    # Lower-case lines only: capitalised ones are proper nouns ("Kafka"), not everyday words.
    return {w for w in path.read_text(encoding="utf-8", errors="ignore").split() if w.islower()}


def common_word_forms(entries: list[dict], words: set[str]) -> list[str]:
    forms = {f for e in entries for f in (e["name"], *e["aliases"])}
    return sorted(f for f in forms if f.lower() in words or len(f) <= 2)


def build(tarballs: dict[str, Path], workdir: Path, words_path: Path = WORDS) -> dict:
    devicon = json.loads(read_member(tarballs["devicon"], "package/devicon.json"))
    icons = simple_icons_index(json.loads(read_member(tarballs["simple-icons"],
                                                      "package/data/simple-icons.json")))
    linguist = load_linguist(tarballs["linguist-languages"], workdir)
    words = english_words(words_path)
    entries = merge(devicon_entries(devicon, icons, linguist, words)
                    + extra_entries(icons, linguist, words), words)
    return {
        "about": {
            "built_by": "pipeline/facts/data/build_taxonomy.py",
            "sources": [
                {"package": f"devicon@{PACKAGES['devicon']}", "license": "MIT",
                 "url": "https://github.com/devicons/devicon"},
                {"package": f"simple-icons@{PACKAGES['simple-icons']}", "license": "CC0-1.0",
                 "url": "https://github.com/simple-icons/simple-icons"},
                {"package": f"linguist-languages@{PACKAGES['linguist-languages']}",
                 "license": "MIT", "url": "https://github.com/github-linguist/linguist"},
            ],
        },
        "common_word_forms": common_word_forms(entries, words),
        "skills": entries,
    }


def notices(tarballs: dict[str, Path]) -> str:
    """The licence texts of the sources, which their licences ask to ship with derived data."""
    parts = ["skills.json is derived from the packages below; their licence texts follow.\n"]
    for name, members in LICENSE_FILES.items():
        for member in members:
            body = read_member(tarballs[name], member).decode("utf-8").strip()
            parts.append(f"{'=' * 78}\n{name}@{PACKAGES[name]} ({member.split('/')[-1]})\n\n{body}\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=Path, help="folder holding the npm tarballs already")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarballs = find_tarballs(args.packages) if args.packages else npm_pack(Path(tmp))
        data = build(tarballs, Path(tmp))
        args.out.with_name(NOTICE.name).write_text(notices(tarballs), encoding="utf-8")
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['skills'])} skills to {args.out}")


if __name__ == "__main__":
    main()
