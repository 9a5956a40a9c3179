#!/usr/bin/env python3
"""The article texts factpipe --format text -o DIR/ wrote, as the article
benchmark's scorer reads them: {"<page id>": {"articleBody": ...}}.

usage: articles_to_json.py DIR TRUTH.json > PRED.json
DIR/<id>.html.txt is page <id>'s article; only the pages of TRUTH are
kept, and a page of TRUTH without a file fails (factpipe wrote every one).
"""
import json, os, sys

def main(argv):
    folder, truth = argv[1], json.load(open(argv[2], encoding='utf-8'))
    pred = {}
    for page in truth:
        path = os.path.join(folder, page + '.html.txt')
        if not os.path.exists(path):
            print(f'no article text for {page}: {path}', file=sys.stderr)
            return 1
        pred[page] = {'articleBody': open(path, encoding='utf-8').read()}
    json.dump(pred, sys.stdout, ensure_ascii=False)
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
